// W3C Web Annotation (JSON-LD) export of published fact-checks: one Annotation per claim,
// motivated by "assessing", anchored with TextQuote and TextPosition selectors.
export * from './build-annotation-page';
