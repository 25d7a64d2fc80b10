import { describe, expect, it } from 'vitest';
import { describeTextRange } from '@/lib/anchoring';
import { isSameAnchor, reanchor } from './reanchoring';

const OLD = 'The council met on Monday.\n\nIt approved the budget for next year.\n\nThe vote was close.';

function selectorsOf(text: string, quote: string) {
  const start = text.indexOf(quote);
  return describeTextRange(text, start, start + quote.length);
}

describe('reanchor', () => {
  it('keeps an unchanged anchor as it was, so the revision does not touch the claim', () => {
    const selectors = selectorsOf(OLD, 'approved the budget');
    const anchor = reanchor(OLD, selectors);
    expect(anchor).toEqual({ selectors, anchorState: 'exact', anchorScore: 1 });
    expect(isSameAnchor(anchor, { selectors, anchorState: 'exact', anchorScore: 1 })).toBe(true);
  });

  it('rebuilds position and context for a passage that moved', () => {
    const selectors = selectorsOf(OLD, 'approved the budget');
    const revised = `Breaking news.\n\n${OLD}`;
    const anchor = reanchor(revised, selectors);
    expect(anchor.anchorState).toBe('moved');
    expect(anchor.selectors).toEqual(selectorsOf(revised, 'approved the budget'));
    expect(isSameAnchor(anchor, { selectors, anchorState: 'exact', anchorScore: 1 })).toBe(false);
  });

  it('keeps the old selectors of an orphan, so its quote survives', () => {
    const selectors = selectorsOf(OLD, 'It approved the budget for next year.');
    const anchor = reanchor('The council met on Monday.\n\nThe vote was close.', selectors);
    expect(anchor.anchorState).toBe('orphan');
    expect(anchor.selectors).toBe(selectors);
    expect(anchor.anchorScore).toBeGreaterThanOrEqual(0);
  });
});
