import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { AppError } from '../../lib/errors.ts';
import { buildServer } from '../../server.tsx';
import { crawlPublicSite } from './mirror.crawl.ts';
import { fileForAddress, isHtml, rewriteLinks } from './mirror.paths.ts';
import { mirrorIndexPage } from './mirror.views.tsx';

/** The checksum list, in the format `sha256sum -c` reads. Also the record of which files the mirror owns. */
export const CHECKSUM_FILE = 'SHA256SUMS';

export type MirrorReport = {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
  files: number;
  truncated: boolean;
};

const sha256 = (body: Buffer | string) => createHash('sha256').update(body).digest('hex');

/**
 * The mirror's files (path → content): every crawled address under its file name, with the links of
 * each page made relative, and the mirror's own index page. Redirects point at their target's file.
 */
export async function renderMirror(
  app: FastifyInstance,
  options: { publicOrigin: string; maxFiles: number; organization: Config['organization'] },
): Promise<{ files: Map<string, Buffer>; truncated: boolean }> {
  const crawl = await crawlPublicSite(app, options);
  const fileOfAddress = new Map<string, string>();
  for (const file of crawl.files.values()) {
    fileOfAddress.set(file.address, fileForAddress(file.address, file.contentType));
  }
  for (const [from, to] of crawl.redirects) {
    const target = fileOfAddress.get(to);
    if (target) fileOfAddress.set(from, target);
  }
  const fileOf = (address: string) => fileOfAddress.get(address);
  const files = new Map<string, Buffer>();
  for (const crawled of crawl.files.values()) {
    const name = fileOfAddress.get(crawled.address) as string;
    const body = isHtml(crawled.contentType)
      ? Buffer.from(
          rewriteLinks(crawled.body.toString('utf8'), name, { publicOrigin: options.publicOrigin, fileOf }),
        )
      : crawled.body;
    files.set(name, body);
  }
  files.set('index.html', Buffer.from(mirrorIndexPage(options.organization, CHECKSUM_FILE)));
  return { files, truncated: crawl.truncated };
}

async function readChecksums(outDir: string): Promise<Map<string, string>> {
  const text = await fs.readFile(path.join(outDir, CHECKSUM_FILE), 'utf8').catch(() => '');
  const known = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    const name = match?.[2];
    // A list edited by hand must not make a run remove files outside the mirror.
    if (!match?.[1] || !name || path.isAbsolute(name) || name.split('/').includes('..')) continue;
    known.set(name, match[1]);
  }
  return known;
}

async function writeAtomically(file: string, body: Buffer | string) {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  await fs.writeFile(temporary, body);
  await fs.rename(temporary, file);
}

async function removeEmptyFolders(outDir: string, file: string) {
  let folder = path.dirname(path.join(outDir, file));
  while (folder.startsWith(outDir) && folder !== outDir) {
    const left = await fs.readdir(folder).catch(() => ['?']);
    if (left.length > 0) return;
    await fs.rmdir(folder);
    folder = path.dirname(folder);
  }
}

/**
 * Writes the files into `outDir` incrementally: a file whose content is already there (by its
 * SHA-256) is left alone, new and changed files are written whole (to a temporary name, then
 * renamed), and files that an earlier run wrote but that are no longer published are removed. Only
 * files named in the earlier checksum list are ever removed, so other files in the folder are safe.
 */
export async function writeMirrorFiles(outDir: string, files: Map<string, Buffer>) {
  await fs.mkdir(outDir, { recursive: true });
  const before = await readChecksums(outDir);
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  let unchanged = 0;
  const lines: string[] = [];
  for (const name of [...files.keys()].sort()) {
    const body = files.get(name) as Buffer;
    const hash = sha256(body);
    lines.push(`${hash}  ${name}`);
    const target = path.join(outDir, name);
    if (before.get(name) === hash) {
      const onDisk = await fs.readFile(target).catch(() => null);
      if (onDisk && sha256(onDisk) === hash) {
        unchanged++;
        continue;
      }
    }
    await writeAtomically(target, body);
    (before.has(name) ? changed : added).push(name);
  }
  for (const name of before.keys()) {
    if (files.has(name)) continue;
    await fs.rm(path.join(outDir, name), { force: true });
    await removeEmptyFolders(outDir, name);
    removed.push(name);
  }
  await writeAtomically(path.join(outDir, CHECKSUM_FILE), `${lines.join('\n')}\n`);
  return { added, changed, removed, unchanged, files: files.size };
}

/**
 * Mirrors the public site of `deps` into `outDir`. The app is built here, anonymous and without the
 * API's rate limit (the crawl reads every download the pages link to), and closed at the end.
 */
export async function mirrorSite(
  deps: Pick<AppDeps, 'config' | 'db' | 'engine' | 'now'>,
  options: { outDir: string; maxFiles: number },
): Promise<MirrorReport> {
  const outDir = path.resolve(options.outDir);
  const stat = await fs.stat(outDir).catch(() => null);
  if (stat && !stat.isDirectory()) {
    throw new AppError('validation_failed', `--out: ${options.outDir} is not a folder`, { field: 'out' });
  }
  const config = {
    ...deps.config,
    apiRateLimit: { ...deps.config.apiRateLimit, max: Number.MAX_SAFE_INTEGER },
  };
  const app = await buildServer({ ...deps, config }, { logger: false });
  try {
    const { files, truncated } = await renderMirror(app, {
      publicOrigin: config.publicUrl,
      organization: config.organization,
      maxFiles: options.maxFiles,
    });
    return { ...(await writeMirrorFiles(outDir, files)), truncated };
  } finally {
    await app.close();
  }
}
