'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { describeTextRange, joinParagraphs, paragraphOffsets, segmentTextByRanges, type TextSelectors } from '@/lib/anchoring';
import type { ClaimStatus } from '@/lib/domain/enums';
import { readSelectionOffsets } from './text-offsets';

export type HighlightRange = { id: number; start: number; end: number; status: ClaimStatus; statement: string };

type Props = {
  title: string;
  paragraphs: string[];
  highlights: HighlightRange[];
  selectedClaimId: number | null;
  onSelectClaim: (claimId: number) => void;
  onMark: (selectors: TextSelectors) => void;
  /** What marking the selection does; "Mark as claim" unless a claim is being re-attached. */
  markLabel?: string;
};

const EDITING_KEYS = new Set(['Enter', 'Backspace', 'Delete', 'Tab']);

/**
 * The article as read-only text with a caret, so words can be selected with the mouse or with
 * Shift+arrow keys; claims show as highlights. "M" or the popover button marks the selection.
 */
export function ArticleText({
  title,
  paragraphs,
  highlights,
  selectedClaimId,
  onSelectClaim,
  onMark,
  markLabel = 'Mark as claim',
}: Props) {
  const rootRef = useRef<HTMLDivElement>(null);
  const text = useMemo(() => joinParagraphs(paragraphs), [paragraphs]);
  const starts = useMemo(() => paragraphOffsets(paragraphs), [paragraphs]);
  const [pending, setPending] = useState<{ selectors: TextSelectors; top: number; left: number } | null>(null);

  const captureSelection = useCallback(() => {
    const root = rootRef.current;
    if (!root) return;
    const offsets = readSelectionOffsets(root, text.length);
    if (!offsets) {
      setPending(null);
      return;
    }
    let selectors: TextSelectors;
    try {
      selectors = describeTextRange(text, offsets.start, offsets.end);
    } catch {
      setPending(null);
      return;
    }
    const rect = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
    const rootRect = root.getBoundingClientRect();
    setPending({
      selectors,
      top: rect ? rect.bottom - rootRect.top + 6 : 0,
      left: rect ? Math.max(0, rect.left - rootRect.left) : 0,
    });
  }, [text]);

  useEffect(() => {
    const onSelectionChange = () => captureSelection();
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [captureSelection]);

  const markPending = () => {
    if (!pending) return;
    onMark(pending.selectors);
    setPending(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.key === 'm' || event.key === 'M') && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      captureSelection();
      const root = rootRef.current;
      const offsets = root ? readSelectionOffsets(root, text.length) : null;
      if (offsets) {
        try {
          onMark(describeTextRange(text, offsets.start, offsets.end));
          setPending(null);
        } catch {
          // An all-whitespace selection marks nothing.
        }
      }
      return;
    }
    // The text is read-only: let navigation and selection keys through, swallow edits.
    if (EDITING_KEYS.has(event.key) && event.key !== 'Tab') event.preventDefault();
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey) event.preventDefault();
  };

  return (
    <div className="ws-article">
      <h1 className="ws-title">{title}</h1>
      <p id="ws-article-help" className="muted ws-help">
        Select words with the mouse, or move the caret with the arrow keys and extend with Shift+arrows; then press{' '}
        <kbd>M</kbd> or “{markLabel}”.
      </p>
      <div className="ws-text-wrap">
        <div
          ref={rootRef}
          className="ws-text"
          role="textbox"
          aria-readonly="true"
          aria-multiline="true"
          aria-label="Article text"
          aria-describedby="ws-article-help"
          tabIndex={0}
          contentEditable
          suppressContentEditableWarning
          spellCheck={false}
          onBeforeInput={(event) => event.preventDefault()}
          onPaste={(event) => event.preventDefault()}
          onCut={(event) => event.preventDefault()}
          onDrop={(event) => event.preventDefault()}
          onKeyDown={onKeyDown}
          onMouseUp={captureSelection}
        >
          {paragraphs.map((paragraph, index) => {
            const paragraphStart = starts[index] ?? 0;
            const ranges = highlights
              .filter((h) => h.start < paragraphStart + paragraph.length && h.end > paragraphStart)
              .map((h) => ({
                id: h.id,
                start: Math.max(0, h.start - paragraphStart),
                end: Math.min(paragraph.length, h.end - paragraphStart),
              }));
            return (
              <p key={index} className="ws-paragraph">
                {segmentTextByRanges(paragraph, ranges).map((segment) => {
                  const absoluteStart = paragraphStart + segment.start;
                  if (segment.ids.length === 0) {
                    return (
                      <span key={segment.start} data-offset={absoluteStart}>
                        {segment.text}
                      </span>
                    );
                  }
                  const covering = highlights.filter((h) => segment.ids.includes(h.id));
                  const primary = pickPrimary(covering, selectedClaimId);
                  return (
                    <mark
                      key={segment.start}
                      data-offset={absoluteStart}
                      data-claim-ids={covering.map((h) => h.id).join(' ')}
                      className={[
                        'ws-highlight',
                        `ws-status-${primary.status}`,
                        covering.length > 1 ? 'ws-overlap' : '',
                        covering.some((h) => h.id === selectedClaimId) ? 'ws-selected' : '',
                      ].join(' ')}
                      title={covering.map((h) => h.statement).join('\n')}
                      onClick={() => {
                        if (window.getSelection()?.isCollapsed !== false) onSelectClaim(nextClaimId(covering, selectedClaimId));
                      }}
                    >
                      {segment.text}
                    </mark>
                  );
                })}
              </p>
            );
          })}
        </div>
        {pending ? (
          <div className="ws-popover" style={{ top: pending.top, left: pending.left }}>
            <button
              type="button"
              className="button button-small"
              // Keep the selection alive while the button is pressed.
              onMouseDown={(event) => event.preventDefault()}
              onClick={markPending}
            >
              {markLabel}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** The shortest covering claim reads best as the segment's colour; the selected one wins. */
function pickPrimary(covering: HighlightRange[], selectedClaimId: number | null): HighlightRange {
  const selected = covering.find((h) => h.id === selectedClaimId);
  if (selected) return selected;
  return [...covering].sort((a, b) => a.end - a.start - (b.end - b.start))[0]!;
}

/** Clicking overlapping highlights cycles through the claims under the pointer. */
function nextClaimId(covering: HighlightRange[], selectedClaimId: number | null): number {
  const ordered = [...covering].sort((a, b) => a.end - a.start - (b.end - b.start));
  const index = ordered.findIndex((h) => h.id === selectedClaimId);
  return ordered[(index + 1) % ordered.length]!.id;
}
