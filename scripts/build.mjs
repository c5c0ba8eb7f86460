// `npm run build` (run by `npm ci` as `prepare`, and by `npm start` when a source changed): bundles
// src/cli.ts and everything it imports into dist/, one file per lazily loaded command plus shared
// chunks. Packages stay in node_modules. dist/build.json lists the source files of the bundle, so
// bin/sozwatch.js can tell a stale bundle and run the sources instead.
import { spawnSync } from 'node:child_process';
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

/*
 * dist/template-pg: a new embedded database, already through initdb and the migrations, that the
 * first start copies instead of running them (openDatabase in src/db/client.ts): PGlite's initdb
 * takes seconds. Made again when the migrations or the PGlite version change; a later migration
 * would only be applied on top of it, so a stale template is slow, never wrong.
 */
function templateStamp() {
  const migrations = fs
    .readdirSync(path.join(root, 'src/db/migrations'))
    .filter((file) => file.endsWith('.sql'));
  const pglite = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ).version;
  return JSON.stringify({ pglite, migrations: migrations.sort() });
}

function buildTemplate() {
  const template = path.join(outdir, 'template-pg');
  const stampFile = path.join(outdir, 'template-pg.json');
  const stamp = templateStamp();
  if (fs.existsSync(template) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp)
    return;
  const scratch = fs.mkdtempSync(path.join(outdir, 'template-'));
  try {
    const run = spawnSync(process.execPath, [path.join(outdir, 'cli.js'), 'migrate'], {
      env: { ...process.env, DATABASE_URL: '', SOZWATCH_DATA_DIR: scratch, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    if (run.status !== 0) {
      // Not fatal: without a template a first start runs initdb and the migrations itself.
      process.stderr.write(
        `build: no database template (${(run.stderr || run.stdout).trim().slice(-300)})\n`,
      );
      return;
    }
    fs.rmSync(template, { recursive: true, force: true });
    fs.renameSync(path.join(scratch, 'pg'), template);
    fs.writeFileSync(stampFile, stamp);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (!(process.argv.includes('--if-stale') && bundleIsFresh())) await bundle();
if (outdir === path.join(root, 'dist')) buildTemplate();
