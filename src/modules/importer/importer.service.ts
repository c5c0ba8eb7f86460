import path from 'node:path';
import type { Db } from '../../db/client.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { groupOfCategory } from './categories.ts';
import {
  type DraftIncident,
  existingIncidentIds,
  insertDraftIncident,
  legalArticleCodes,
  mciValues,
} from './importer.repo.ts';
import { monthFiguresSchema } from './importer.schemas.ts';
import type { ParsedItem, ParsedReport } from './parse-report.ts';
import { type ReconciliationRow, reconcileFacts } from './reconcile.ts';

/**
 * import-report: every item of every report becomes a draft incident, all in one transaction with
 * its audit entries. Ids come from the file's hash and the item's place in it, so importing the same
 * file again finds its drafts and leaves them (and any review work on them) alone.
 */
export type ReportToImport = { fileName: string; sha256: string; text: string; report: ParsedReport };

/** What the statistics module computes for a month: the shape of `stats --json`. */
export type ComputeFigures = (db: Db, month: string) => Promise<unknown>;

export type ImportedReport = {
  fileName: string;
  sha256: string;
  month: string | null;
  created: string[];
  unchanged: string[];
  facts: number;
  flags: number;
  reconciliation: ReconciliationRow[] | null;
  reconciliationNote: string | null;
};

export function draftId(sha256: string, index: number): string {
  return `imp-${sha256.slice(0, 16)}-${String(index + 1).padStart(3, '0')}`;
}

const importingRoles = new Set(['admin', 'editor', 'monitor']);

export async function importReports(
  ctx: ServiceContext,
  input: {
    reports: readonly ReportToImport[];
    computeFigures?: ComputeFigures | null;
    /** Called as each report's drafts are written (for a progress bar). */
    onReport?: (fileName: string) => void;
  },
): Promise<ImportedReport[]> {
  if (ctx.user ? !importingRoles.has(ctx.user.role) : !['cli', 'import', 'system'].includes(ctx.via)) {
    throw new AppError('forbidden', 'importing reports needs the role of monitor, editor or administrator');
  }
  const importCtx: ServiceContext = { ...ctx, via: ctx.user ? ctx.via : 'import' };
  const results = await ctx.db.transaction().execute(async (trx) => {
    const articles = await legalArticleCodes(trx);
    const mci = await mciValues(trx);
    const imported: ImportedReport[] = [];
    for (const file of input.reports) {
      input.onReport?.(file.fileName);
      const ids = file.report.items.map((_, index) => draftId(file.sha256, index));
      const existing = await existingIncidentIds(trx, ids);
      const created: string[] = [];
      for (const [index, item] of file.report.items.entries()) {
        const id = ids[index] ?? draftId(file.sha256, index);
        if (existing.has(id)) continue;
        const draft = toDraft(id, item, file, { articles, mci, createdBy: ctx.user?.id ?? null });
        await insertDraftIncident(trx, draft);
        await writeAudit(trx, importCtx, {
          action: 'incident.create',
          entityType: 'incident',
          entityId: id,
          after: draft,
        });
        created.push(id);
      }
      await writeAudit(trx, importCtx, {
        action: 'import.report',
        entityType: 'import',
        entityId: file.sha256,
        after: {
          file: file.fileName,
          sha256: file.sha256,
          month: file.report.month,
          format: file.report.format,
          created,
          unchanged: ids.filter((id) => existing.has(id)),
          facts: file.report.facts,
          flags: file.report.flags,
        },
      });
      imported.push({
        fileName: file.fileName,
        sha256: file.sha256,
        month: file.report.month,
        created,
        unchanged: ids.filter((id) => existing.has(id)),
        facts: file.report.facts.length,
        flags: file.report.flags.length,
        reconciliation: null,
        reconciliationNote: null,
      });
    }
    return imported;
  });

  // Reconciliation only reads: it runs after the drafts are safely in.
  for (const [index, result] of results.entries()) {
    const report = input.reports[index]?.report;
    if (!report) continue;
    if (!input.computeFigures) {
      result.reconciliationNote = 'figures not available';
    } else if (!result.month) {
      result.reconciliationNote = 'the report names no month';
    } else if (report.facts.length === 0) {
      result.reconciliationNote = 'the report states no figures';
    } else {
      const parsed = monthFiguresSchema.safeParse(await input.computeFigures(ctx.db, result.month));
      if (parsed.success) result.reconciliation = reconcileFacts(report.facts, parsed.data);
      else result.reconciliationNote = 'figures not available (the statistics have an unexpected shape)';
    }
  }
  return results;
}

function toDraft(
  id: string,
  item: ParsedItem,
  file: ReportToImport,
  reference: {
    articles: Set<string>;
    mci: Array<{ validFrom: string; tenge: number }>;
    createdBy: number | null;
  },
): DraftIncident {
  const { report } = file;
  const lang = report.language;
  const itemText = file.text.slice(item.span[0], item.span[1]).trim();
  // Drafts carry the codes an incident may carry; a legal code is a hint to open or link a case.
  const top = item.categories.find((suggestion) => groupOfCategory(suggestion.code) !== 'legal');
  const day = item.date.length === 7 ? `${item.date}-01` : item.date;
  const mciValue = reference.mci.find((value) => value.validFrom <= day)?.tenge ?? null;
  const countedIn = `${report.month ?? item.date.slice(0, 7)}-01`;
  return {
    id,
    date: day,
    datePrecision: item.date_precision,
    countedIn,
    region: item.region,
    locality: item.locality,
    title: { [lang]: item.title },
    summary: { [lang]: itemText },
    categories: [top?.code ?? 'other_context'],
    articles: [...new Set(item.articles.map((article) => article.code))].filter((code) =>
      reference.articles.has(code),
    ),
    sources: [...new Set(item.urls.map((url) => url.url))].map((url) => ({ url })),
    createdBy: reference.createdBy,
    provenance: {
      source: 'import-report',
      file: path.basename(file.fileName),
      sha256: file.sha256,
      item_index: item.index,
      span: item.span,
      report: {
        month: report.month,
        published: report.published,
        format: report.format,
        language: report.language,
        title: report.title,
      },
      extracted: {
        ...item,
        amounts: item.amounts.map((amount) =>
          amount.mci !== undefined && mciValue !== null
            ? { ...amount, tenge: Math.round(amount.mci * mciValue) }
            : amount,
        ),
      },
      suggestions: item.categories,
      flags: report.flags.filter(
        (flag) => flag.span && flag.span[0] >= item.span[0] && flag.span[1] <= item.span[1],
      ),
    },
  };
}
