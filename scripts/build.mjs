// `npm run build` (run by `npm ci` as `prepare`, and by `npm start` when a source changed): bundles
// src/cli.ts and everything it imports into dist/, one file per lazily loaded command plus shared
// chunks. Packages stay in node_modules. dist/build.json lists the source files of the bundle, so
// bin/sozwatch.js can tell a stale bundle and run the sources instead.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleIsFresh, manifestUrl } from '../bin/bundle-freshness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// --outdir DIR builds elsewhere (the build test); bin/sozwatch.js runs only dist/.
const outdirIndex = process.argv.indexOf('--outdir');
const outdir = outdirIndex > 0 ? path.resolve(process.argv[outdirIndex + 1] ?? '') : path.join(root, 'dist');

async function bundle() {
  // Taken before reading any source, so a file saved during the build marks the bundle stale.
  const builtAt = Date.now();
  // The previous build's files stay: their names carry a content hash, and a server started from
  // them still imports some lazily (the PDF renderer on the first PDF). `rm -rf dist` prunes them.
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli.ts'],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/'));
  // Written whole and renamed into place: a command starting meanwhile reads the old list or the new.
  const manifest = path.join(outdir, path.basename(manifestUrl.pathname));
  fs.writeFileSync(`${manifest}.tmp`, `${JSON.stringify({ builtAt, inputs }, null, 2)}\n`);
  fs.renameSync(`${manifest}.tmp`, manifest);
}

if (!(process.argv.includes('--if-stale') && bundleIsFresh())) await bundle();
