#!/usr/bin/env node
// Runs the compiled bundle in dist/ (`npm run build`; `npm ci` and `npm start` build it). When the
// bundle is missing or a source file is newer than it, runs the TypeScript sources through tsx
// instead, so the command never runs stale code: it only starts slower.
import { bundleIsFresh } from './bundle-freshness.js';

if (bundleIsFresh()) {
  await import('../dist/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
