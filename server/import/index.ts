// Node-only article import: HTML extraction and guarded URL fetching on top of the pure
// parsers in lib/article-import.

export { isBlockedAddress } from './blocked-addresses';
export { createGuardedFetch, lookupPublicAddress } from './guarded-fetch';
export { extractArticleFromHtml } from './extract-article-from-html';
export { fetchArticleHtml, type FetchArticleOptions, type FetchedArticleHtml } from './fetch-article-html';
export { importArticle, type ImportArticleOptions } from './import-article';
