import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { isLang, type Lang } from '../../i18n/langs.ts';
import { AppError } from '../../lib/errors.ts';
import { parseMonth } from '../stats/index.ts';
import { type AssembledBulletin, assembleBulletin } from './assemble.ts';
import { renderHtmlFile } from './bulletin.view.tsx';
import { loadBulletinInput } from './bulletins.service.ts';
import { renderMarkdown } from './render-markdown.ts';

export const reportFormats = ['md', 'html', 'pdf', 'docx'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const reportContentTypes: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Step two of a report: the assembled bulletin laid out in one format. */
export async function renderBulletin(bulletin: AssembledBulletin, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'md':
      return Buffer.from(renderMarkdown(bulletin), 'utf8');
    case 'html':
      return Buffer.from(renderHtmlFile(bulletin), 'utf8');
    // pdfkit and docx load with the first document they lay out, not with the server (~220 ms).
    case 'pdf':
      return (await import('./render-pdf.ts')).renderPdf(bulletin);
    case 'docx':
      return (await import('./render-docx.ts')).renderDocx(bulletin);
  }
}

function parseFormat(value: string): ReportFormat {
  const format = reportFormats.find((each) => each === value);
  if (!format) {
    throw new AppError(
      'validation_failed',
      `--format: expected one of ${reportFormats.join(', ')}, got "${value}"`,
      {
        field: '--format',
      },
    );
  }
  return format;
}

function parseLang(value: string): Lang {
  if (!isLang(value))
    throw new AppError('validation_failed', `--lang: expected kk, ru or en, got "${value}"`, {
      field: '--lang',
    });
  return value;
}

type Output = { write: (chunk: Buffer | string) => unknown; isTTY?: boolean };

/** Checks the options before any database is opened, so a typo fails at once with one line. */
export function checkReportOptions(
  options: { month: string; lang: string; format: string; out?: string },
  stdout: Pick<Output, 'isTTY'>,
) {
  const month = parseMonth(options.month, '--month');
  const lang = parseLang(options.lang);
  const format = parseFormat(options.format);
  if ((format === 'pdf' || format === 'docx') && !options.out && stdout.isTTY) {
    throw new AppError(
      'bad_request',
      `--out: ${format} is binary; give --out FILE or redirect standard output`,
      {
        field: '--out',
      },
    );
  }
  return { month, lang, format };
}

/**
 * `sozwatch report`: the published bulletin of the month, or else a draft from the current figures
 * (stderr says which). Binary formats go to standard output only when it is not a terminal.
 */
export async function reportCommand(
  runtime: { db: Db; config: Config },
  options: { month: string; lang: string; format: string; out?: string },
  io: { stdout: Output; stderr: Output },
): Promise<void> {
  const { month, lang, format } = checkReportOptions(options, io.stdout);
  const input = await loadBulletinInput(runtime.db, runtime.config.organization, month, {
    includeDraft: true,
    live: true,
  });
  if (!input) throw new AppError('not_found', `no bulletin for ${month}`);
  io.stderr.write(
    input.state === 'published'
      ? `sozwatch: the published bulletin of ${month} (figures frozen at ${input.publishedAt?.slice(0, 10)})\n`
      : `sozwatch: no bulletin of ${month} is published; this is a draft with the figures as they are now\n`,
  );
  const output = await renderBulletin(assembleBulletin(input, lang), format);
  if (options.out) {
    // Written beside the target and renamed, so a failure never leaves half a file.
    const target = path.resolve(options.out);
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temporary, output);
      fs.renameSync(temporary, target);
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      throw new AppError(
        'bad_request',
        `--out: cannot write ${options.out} (${error instanceof Error ? error.message : String(error)})`,
        {
          field: '--out',
        },
      );
    }
    return;
  }
  io.stdout.write(output);
}

export type BulletinBenchmark = { month: string; loadMs: number; assembleMs: number } & Record<
  ReportFormat,
  number
>;

/** Times one month's bulletin: loading the figures and items, assembling, and each renderer (in Russian). */
export async function benchBuildBulletin(db: Db, config: Config, month: string): Promise<BulletinBenchmark> {
  let started = performance.now();
  const input = await loadBulletinInput(db, config.organization, month, { includeDraft: true, live: true });
  if (!input) throw new AppError('not_found', `no bulletin for ${month}`);
  const loadMs = performance.now() - started;
  started = performance.now();
  const assembled = assembleBulletin(input, 'ru');
  const assembleMs = performance.now() - started;
  const times = { md: 0, html: 0, pdf: 0, docx: 0 };
  for (const format of reportFormats) {
    started = performance.now();
    await renderBulletin(assembled, format);
    times[format] = performance.now() - started;
  }
  return { month, loadMs, assembleMs, ...times };
}
