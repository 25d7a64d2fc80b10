// React output for parsed Markdown. Every string goes in as a text child or an attribute value,
// which React escapes; no element here takes raw HTML, and the only URL attribute (href) is set
// from link nodes, whose href has already passed toSafeHref.
import { createElement, Fragment, type ReactNode } from 'react';
import { parseMarkdown, plainTextOfBlocks, type BlockNode, type InlineNode } from './parse-markdown';

/** User links are third-party, unendorsed and must not get a handle on our window. */
export const USER_LINK_REL = 'noopener noreferrer nofollow ugc';

// Children are passed as separate arguments rather than arrays so React needs no keys.
function renderInline(nodes: readonly InlineNode[]): ReactNode[] {
  return nodes.map((node) => {
    switch (node.type) {
      case 'text':
        return node.value;
      case 'code':
        return createElement('code', null, node.value);
      case 'strong':
        return createElement('strong', null, ...renderInline(node.children));
      case 'em':
        return createElement('em', null, ...renderInline(node.children));
      case 'break':
        return createElement('br');
      case 'link':
        return createElement(
          'a',
          { href: node.href, rel: USER_LINK_REL, ...(node.title ? { title: node.title } : {}) },
          ...renderInline(node.children),
        );
    }
  });
}

function renderBlocks(blocks: readonly BlockNode[], tight = false): ReactNode[] {
  return blocks.map((block) => {
    switch (block.type) {
      case 'paragraph': {
        const children = renderInline(block.children);
        // In a tight list an item's text sits directly in the <li>, as Markdown renders it.
        return tight ? createElement(Fragment, null, ...children) : createElement('p', null, ...children);
      }
      case 'heading':
        return createElement(block.level === 3 ? 'h3' : 'h4', null, ...renderInline(block.children));
      case 'code':
        return createElement('pre', null, createElement('code', null, block.value));
      case 'quote':
        return createElement('blockquote', null, ...renderBlocks(block.children));
      case 'rule':
        return createElement('hr');
      case 'list':
        return createElement(
          block.ordered ? 'ol' : 'ul',
          block.ordered && block.start !== 1 ? { start: block.start } : null,
          ...block.items.map((item) => createElement('li', null, ...renderBlocks(item, block.tight))),
        );
    }
  });
}

/**
 * Renders user-written Markdown as React elements. Raw HTML shows as text, only http(s) links
 * are clickable (others show their text alone), images show their alt text, headings are
 * level 3 or 4 at most.
 */
export function renderMarkdown(source: string): ReactNode {
  return createElement(Fragment, null, ...renderBlocks(parseMarkdown(source)));
}

/**
 * The text a reader would see, without Markdown syntax: for excerpts, feed items and
 * descriptions. Blocks are separated by a blank line and line breaks kept; collapse whitespace
 * for a one-line excerpt. The result is text, not HTML: escape it like any other text.
 */
export function markdownToPlainText(source: string): string {
  return plainTextOfBlocks(parseMarkdown(source)).trim();
}
