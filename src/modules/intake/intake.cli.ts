import { withDatabase } from '../../cli/runtime.ts';
import { systemContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { addSource, listIntakeSources, runFetchPass } from './intake.service.ts';

/** The intake commands: add a source, one fetch pass over the due sources, list the sources. */

export async function runIntakeAdd(
  url: string,
  options: { name?: string; lang?: string; interval?: string },
) {
  const source = await withDatabase(({ handle }) =>
    addSource(systemContext(handle.db, 'cli'), {
      url,
      name: options.name,
      lang: options.lang,
      interval_minutes: options.interval,
    }),
  );
  process.stdout.write(`added source ${source.id}: ${source.name} (${source.lang}) ${source.url}\n`);
}

/** Exits non-zero only when the pass itself fails; a failing source is reported on its line. */
export async function runIntakeFetch(options: { json?: boolean }) {
  const outcomes = await withDatabase(({ config, handle }) =>
    runFetchPass(systemContext(handle.db, 'cli'), {
      limits: { allowPrivateAddresses: config.intake.allowPrivateAddresses },
    }),
  );
  if (options.json) {
    process.stdout.write(`${JSON.stringify(outcomes, null, 2)}\n`);
    return;
  }
  const lines = outcomes.map((outcome) => {
    const result =
      outcome.status === 'error'
        ? `error: ${outcome.error}`
        : outcome.status === 'not_modified'
          ? 'not modified'
          : `${outcome.newItems} new candidate(s)`;
    return `  ${outcome.sourceId} ${outcome.name}: ${result}`;
  });
  const failed = outcomes.filter((outcome) => outcome.status === 'error').length;
  const added = outcomes.reduce((total, outcome) => total + outcome.newItems, 0);
  process.stdout.write(
    `${[`fetched ${outcomes.length} due source(s): ${added} new candidate(s), ${failed} failed`, ...lines].join('\n')}\n`,
  );
}

export async function runIntakeList(options: { json?: boolean }) {
  const sources = await withDatabase(({ handle }) => listIntakeSources(systemContext(handle.db, 'cli')));
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify(
        sources.map((source) => ({
          id: source.id,
          name: source.name,
          url: source.url,
          lang: source.lang,
          kind: source.kind,
          interval_minutes: source.interval_minutes,
          paused: source.paused,
          next_fetch_at: iso(source.next_fetch_at),
          last_success_at: iso(source.last_success_at),
          last_error_at: iso(source.last_error_at),
          last_error: source.last_error,
          consecutive_errors: source.consecutive_errors,
          items_found: source.items_found,
        })),
        null,
        2,
      )}\n`,
    );
    return;
  }
  if (sources.length === 0) {
    process.stdout.write('no sources yet: add one with `sozwatch intake add URL`\n');
    return;
  }
  for (const source of sources) {
    const health =
      source.consecutive_errors > 0
        ? `failing (${source.consecutive_errors}): ${source.last_error}`
        : source.last_success_at
          ? `ok ${iso(source.last_success_at)}`
          : 'not fetched yet';
    process.stdout.write(
      `${source.id}\t${source.lang}\t${source.paused ? 'paused' : `next ${iso(source.next_fetch_at)}`}\t${source.name}\t${source.url}\t${health}\n`,
    );
  }
}

function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new AppError('internal', 'a stored time is not a time');
  return date.toISOString();
}
