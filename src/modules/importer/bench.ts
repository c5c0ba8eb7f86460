import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultSharedDir } from './evaluate.ts';
import { analyseReport } from './parse-report.ts';
import { decodeReport } from './source-text.ts';

export type ParseBench = {
  /** Wall-clock rate: what a user waits for. */
  reportsPerSecond: number;
  /** Rate on the CPU time used: what the parser costs, whatever else the machine is doing. */
  cpuReportsPerSecond: number;
  megabytesPerSecond: number;
  reports: number;
  parses: number;
  milliseconds: number;
};

/** Parses the seed reports over and over for about `seconds` and reports the rate (no database). */
export function benchParseReports(options: { seconds?: number; seedsDir?: string } = {}): ParseBench {
  const seedsDir = options.seedsDir ?? path.join(defaultSharedDir, 'seeds');
  const texts = fs
    .readdirSync(seedsDir)
    .filter((name) => /\.(txt|html?)$/i.test(name))
    .sort()
    .map((name) => {
      const decoded = decodeReport(fs.readFileSync(path.join(seedsDir, name)));
      if ('error' in decoded) throw new Error(`${name}: ${decoded.error}`);
      return decoded.text;
    });
  if (texts.length === 0) throw new Error(`${seedsDir}: no reports to parse`);
  const bytes = texts.reduce((total, text) => total + Buffer.byteLength(text), 0);
  const budget = (options.seconds ?? 2) * 1000;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let parses = 0;
  let rounds = 0;
  while (performance.now() - started < budget) {
    for (const text of texts) analyseReport(text);
    parses += texts.length;
    rounds++;
  }
  const milliseconds = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMilliseconds = (cpu.user + cpu.system) / 1000;
  return {
    reportsPerSecond: Math.round((parses / milliseconds) * 1000 * 10) / 10,
    cpuReportsPerSecond: Math.round((parses / cpuMilliseconds) * 1000 * 10) / 10,
    megabytesPerSecond: Math.round(((rounds * bytes) / 1e6 / (milliseconds / 1000)) * 100) / 100,
    reports: texts.length,
    parses,
    milliseconds: Math.round(milliseconds),
  };
}
