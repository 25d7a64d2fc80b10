import { expect, type Page } from '@playwright/test';

/** Where `needle` is on screen now, after scrolling it into view and letting layout settle. */
async function locatePhrase(page: Page, needle: string) {
  return page.evaluate(async (phrase) => {
    const root = document.querySelector('[aria-label="Article text"]')!;
    const find = () => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent!.indexOf(phrase);
        if (index < 0) continue;
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + phrase.length);
        return range;
      }
      throw new Error(`phrase not found: ${phrase}`);
    };
    find().startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    // Layout can still move (a panel re-rendering, scroll clamping): wait until two frames agree.
    let previous = '';
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await frame();
      const rects = find().getClientRects();
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      const box = { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
      const key = JSON.stringify(box);
      if (key === previous) return box;
      previous = key;
    }
    return JSON.parse(previous) as { x1: number; y1: number; x2: number; y2: number };
  }, needle);
}

/** Selects `phrase` inside the article text with a real mouse drag. */
export async function selectWithMouse(page: Page, phrase: string) {
  for (let attempt = 1; ; attempt += 1) {
    const box = await locatePhrase(page, phrase);
    await page.mouse.move(box.x1, box.y1);
    await page.mouse.down();
    await page.mouse.move(box.x2, box.y2, { steps: 8 });
    await page.mouse.up();
    const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
    // A drag that raced a layout change selected other words: say so, then drag again.
    if (selected.trim() === phrase || attempt === 3) {
      expect(selected.trim()).toBe(phrase);
      return;
    }
  }
}
