// ClaimReview (schema.org) for a published fact-check, a check against Google's fact-check
// markup rules so a verdict search engines would reject is never published, and the JSON
// serialiser that makes it safe inside a <script> element.
export * from './build-claim-review';
export * from './serialize-json-ld';
export * from './validate-claim-review';
