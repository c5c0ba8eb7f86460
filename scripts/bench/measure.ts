import { performance } from 'node:perf_hooks';
import type {
  CompiledQuery,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { Db } from '../../src/db/client.ts';

/** Records the SQL an app request runs, so the same statements can be timed raw. */
export class QueryRecorder implements KyselyPlugin {
  private recording = false;
  private queries: CompiledQuery[] = [];
  private compile: ((node: RootOperationNode, args: PluginTransformQueryArgs) => CompiledQuery) | null = null;

  attach(db: Db): Db {
    const executor = db.getExecutor();
    this.compile = (node, args) => executor.compileQuery(node, args.queryId);
    return db.withPlugin(this);
  }

  async record(work: () => Promise<unknown>): Promise<CompiledQuery[]> {
    this.queries = [];
    this.recording = true;
    try {
      await work();
    } finally {
      this.recording = false;
    }
    return this.queries;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.recording && this.compile) this.queries.push(this.compile(args.node, args));
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

export type Timing = { p50: number; p95: number; mean: number; n: number };

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    mean: samples.reduce((sum, value) => sum + value, 0) / Math.max(1, samples.length),
    n: samples.length,
  };
}

/** Milliseconds of each run of `work`, after `warmup` untimed runs. */
export async function timeRuns(
  work: () => Promise<unknown>,
  runs: number,
  warmup: number,
): Promise<number[]> {
  for (let index = 0; index < warmup; index += 1) await work();
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** Runs recorded statements one after the other, as raw SQL with no application around them. */
export async function replay(db: Db, queries: CompiledQuery[]): Promise<void> {
  for (const query of queries) await db.executeQuery(query);
}
