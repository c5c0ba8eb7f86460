import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Preact escapes every text and attribute value by default; this is the only way pages become HTML. */
export function renderDocument(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}
