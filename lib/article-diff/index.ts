export * from './diff-paragraphs';
