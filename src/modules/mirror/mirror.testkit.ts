import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PublicOutput } from '../../../test/leak-scan.ts';

/** Every file of a mirror folder, as text for the leak scans (a PDF through pdftotext). */
export async function mirrorOutputs(outDir: string): Promise<PublicOutput[]> {
  const names = (await fs.readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)));
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(outDir, name);
      const body = name.endsWith('.pdf')
        ? execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
        : await fs.readFile(file, 'utf8');
      return { name, body };
    }),
  );
}
