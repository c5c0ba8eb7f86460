import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSharedDir } from './evaluate.ts';
import { parsedReportSchema } from './importer.schemas.ts';
import { analyseReport } from './parse-report.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const texts = [
  ...fs
    .readdirSync(path.join(defaultSharedDir, 'seeds'))
    .map((name) => path.join(defaultSharedDir, 'seeds', name)),
  ...fs
    .readdirSync(fixtures)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => path.join(fixtures, name)),
].map((file) => fs.readFileSync(file, 'utf8'));

describe('the parser on damaged input', () => {
  it('never fails and always prints the contract shape, whatever part of a report it gets, in any order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.nat(),
        fc.nat(),
        fc.array(fc.nat(), { maxLength: 30 }),
        (which, from, length, swaps) => {
          const lines = (texts[which] ?? '').split('\n');
          for (const swap of swaps) {
            const i = swap % lines.length;
            const j = (swap * 7) % lines.length;
            [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
          }
          const mixed = lines.join('\n');
          const start = from % Math.max(1, mixed.length);
          const text = mixed.slice(start, start + (length % (mixed.length - start + 1)));
          const { report } = analyseReport(text);
          expect(parsedReportSchema.safeParse(report).success).toBe(true);
          for (const fact of report.facts) expect(fact.span[1]).toBeLessThanOrEqual(text.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never fails on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(parsedReportSchema.safeParse(analyseReport(text).report).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
