// W3C Web Annotation selectors as stored with claims and annotations. Kept here (not in the
// anchoring module) so the schema can type its JSON columns without importing algorithms.

export type StoredTextQuoteSelector = {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
};

export type StoredTextPositionSelector = {
  type: 'TextPositionSelector';
  start: number;
  end: number;
};

export type StoredSelectors = {
  quote: StoredTextQuoteSelector;
  position: StoredTextPositionSelector;
};

export type VerdictSource = { url: string; title: string };

export type ChecklistState = Record<string, { checked: boolean; byUserId: number; at: string }>;
