// Maps between the rendered article (spans carrying `data-offset`, the offset of their text
// in the canonical plain text) and character offsets, so a browser selection becomes W3C
// selectors over the same text the server anchors against.

const OFFSET_ATTRIBUTE = 'data-offset';

function findOffsetElement(node: Node, root: HTMLElement): HTMLElement | null {
  let current: Node | null = node.nodeType === Node.TEXT_NODE ? node.parentNode : node;
  while (current && current !== root) {
    if (current instanceof HTMLElement && current.hasAttribute(OFFSET_ATTRIBUTE)) return current;
    current = current.parentNode;
  }
  return null;
}

function offsetOf(element: HTMLElement): number {
  return Number(element.getAttribute(OFFSET_ATTRIBUTE));
}

function offsetSpansIn(node: Node): HTMLElement[] {
  if (node instanceof HTMLElement && node.hasAttribute(OFFSET_ATTRIBUTE)) return [node];
  if (!(node instanceof Element)) return [];
  return Array.from(node.querySelectorAll<HTMLElement>(`[${OFFSET_ATTRIBUTE}]`));
}

/** The canonical-text offset of a DOM boundary point inside `root`. */
export function textOffsetOfPoint(root: HTMLElement, node: Node, offset: number, textLength: number): number {
  if (!root.contains(node)) {
    // A selection that runs past the article is clamped to it.
    const position = root.compareDocumentPosition(node);
    return position & Node.DOCUMENT_POSITION_PRECEDING ? 0 : textLength;
  }
  if (node.nodeType === Node.TEXT_NODE) {
    const span = findOffsetElement(node, root);
    if (span) return offsetOf(span) + offset;
  }
  // A point between children: take the span that starts at or after it, else the end of the one before.
  const children = Array.from(node.childNodes);
  for (let index = offset; index < children.length; index += 1) {
    const spans = offsetSpansIn(children[index]!);
    if (spans.length > 0) return offsetOf(spans[0]!);
  }
  for (let index = Math.min(offset, children.length) - 1; index >= 0; index -= 1) {
    const spans = offsetSpansIn(children[index]!);
    const last = spans[spans.length - 1];
    if (last) return offsetOf(last) + (last.textContent?.length ?? 0);
  }
  const enclosing = findOffsetElement(node, root);
  if (enclosing) return offsetOf(enclosing);
  return textLength;
}

/** The current selection inside `root` as canonical-text offsets, or null when there is none. */
export function readSelectionOffsets(root: HTMLElement, textLength: number): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  const start = textOffsetOfPoint(root, range.startContainer, range.startOffset, textLength);
  const end = textOffsetOfPoint(root, range.endContainer, range.endOffset, textLength);
  if (end <= start) return null;
  return { start, end };
}
