export * from './selectors';
export * from './resolve-anchor';
