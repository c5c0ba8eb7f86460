import fs from 'node:fs';
import { Command } from 'commander';
import type { BenchOptions } from '../scripts/bench/bench.ts';
import {
  runImportReport,
  runIntakeAdd,
  runIntakeFetch,
  runIntakeList,
  runParseReport,
  serve,
  userAddCommand,
} from './cli/lazy-commands.ts';
import { exitWithError, withDatabase } from './cli/runtime.ts';
import { loadConfig } from './config.ts';
import { packagePath } from './lib/package-root.ts';

/** The package's own version, read when asked for, so that plain commands do not pay for it. */
function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
}

const program = new Command()
  .name('sozwatch')
  .description('Monitoring of violations of freedom of speech')
  .option('-V, --version', 'print the version and stop')
  // A mistake gets one line and a pointer to the help, not the whole help (commander prints the error).
  .showHelpAfterError('(add --help to see the commands and options)')
  .on('option:version', () => {
    process.stdout.write(`sozwatch ${packageVersion()}\n`);
    process.exit(0);
  })
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

program
  .command('serve')
  .description('serve the public portal, the editorial app and the API')
  .option('--demo-if-empty', 'load the demo data set into an empty embedded database', false)
  .action(async (options: { demoIfEmpty: boolean }) => serve(options));

program
  .command('migrate')
  .description('apply the database migrations')
  .action(async () => {
    await withDatabase(async ({ handle }) => {
      process.stdout.write(`database is up to date (${handle.engine})\n`);
    });
  });

program
  .command('import')
  .argument('<file>', 'interchange file (JSON Lines)')
  .description('import records from an interchange file, in one transaction')
  .action(async (file: string) => {
    const { runImportCommand } = await import('./modules/interchange/index.ts');
    await withDatabase(({ handle }) =>
      runImportCommand(handle.db, file, (line) => process.stdout.write(`${line}\n`)),
    );
  });

program
  .command('export')
  .option('--format <format>', 'jsonl or csv', 'jsonl')
  .option('--public', 'only what the public may see')
  .option('--status <statuses>', 'draft, in_review, published, archived (comma-separated)')
  .option('--from <day>', 'incidents dated, and cases with an event, on or after YYYY-MM-DD')
  .option('--to <day>', 'incidents dated, and cases with an event, on or before YYYY-MM-DD')
  .option('--region <code>', 'incidents of one region')
  .option('--category <code>', 'incidents of one category')
  .option('--out <file>', 'write to this file instead of standard output')
  .option('--profile <profile>', "a partner's CSV (mmf, jfj or coe): public incidents, categories mapped")
  .option('--lang <lang>', 'with --profile: the language of titles and descriptions (kk, ru, en)')
  .description('export records (lossless JSON Lines by default, for administrators)')
  .action(async (options: Record<string, string | boolean | undefined>) => {
    if (options.profile !== undefined) {
      const { runProfileExport } = await import('./modules/exchange/index.ts');
      await withDatabase((runtime) => runProfileExport(runtime, options));
      return;
    }
    const { runExportCommand } = await import('./modules/interchange/index.ts');
    await withDatabase(({ handle }) => runExportCommand(handle.db, options));
  });

program
  .command('mirror')
  .requiredOption('--out <folder>', 'the folder of the copy (a second run rewrites only what changed)')
  .option('--max-files <n>', 'stop the crawl after this many files', '500000')
  .description('write the public portal as static files with relative links and a SHA256SUMS list')
  .action(async (options: { out: string; maxFiles: string }) => {
    const { runMirrorCommand } = await import('./modules/mirror/index.ts');
    await withDatabase((runtime) =>
      runMirrorCommand(runtime, options, (line) => process.stdout.write(`${line}\n`)),
    );
  });

program
  .command('import-uwazi')
  .argument('<file>', "an Uwazi collection's CSV export")
  .option('--lang <lang>', 'the language of its titles and summaries (kk, ru, en)', 'ru')
  .description('create draft incidents from an Uwazi CSV export, in one transaction')
  .action(async (file: string, options: { lang: string }) => {
    const { runUwaziImport } = await import('./modules/exchange/index.ts');
    await withDatabase((runtime) => runUwaziImport(runtime, file, options));
  });

program
  .command('parse-report')
  .argument('<file>', 'a monthly report as text or HTML')
  .option('--json', 'print JSON')
  .description('print the metadata, facts and items of a narrative report (no database)')
  .action(async (file: string, options: { json?: boolean }) => runParseReport(file, options));

program
  .command('import-report')
  .argument('<paths...>', 'monthly reports as text or HTML, or folders of them')
  .description('create draft incidents from narrative reports and set their figures against the database')
  .action(async (files: string[]) => runImportReport(files));

program
  .command('stats')
  .requiredOption('--month <month>', 'YYYY-MM')
  .option('--json', 'print JSON')
  .description("print a month's figures")
  .action(async (options: { month: string; json?: boolean }) => {
    const { parseMonth, statsCommand } = await import('./modules/stats/stats.cli.ts');
    parseMonth(options.month, '--month');
    await withDatabase(async ({ handle }) => process.stdout.write(await statsCommand(handle.db, options)));
  });

program
  .command('report')
  .requiredOption('--month <month>', 'YYYY-MM')
  .requiredOption('--lang <lang>', 'en, ru or kk')
  .requiredOption('--format <format>', 'md, html, pdf or docx')
  .option('--out <file>', 'write to this file instead of standard output')
  .description('render the monthly bulletin')
  .action(async (options: { month: string; lang: string; format: string; out?: string }) => {
    const { checkReportOptions, reportCommand } = await import('./modules/bulletins/index.ts');
    checkReportOptions(options, process.stdout);
    await withDatabase(({ config, handle }) =>
      reportCommand({ db: handle.db, config }, options, { stdout: process.stdout, stderr: process.stderr }),
    );
  });

const intake = program.command('intake').description("the monitors' scan of open sources");
intake
  .command('add')
  .argument('<url>', 'a news feed (RSS, Atom, JSON Feed), a web page, or a t.me/s/CHANNEL preview')
  .option('--name <name>', 'the name shown to monitors (default: the host)')
  .option('--lang <lang>', 'kk, ru or en (default: ru)')
  .option('--interval <minutes>', 'how often to fetch it (default: 60)')
  .description('add a source to scan')
  .action(async (url: string, options: { name?: string; lang?: string; interval?: string }) =>
    runIntakeAdd(url, options),
  );
intake
  .command('fetch')
  .option('--json', 'print JSON')
  .description('one pass over the due sources: new items become candidates')
  .action(async (options: { json?: boolean }) => runIntakeFetch(options));
intake
  .command('list')
  .option('--json', 'print JSON')
  .description('list the sources with their health')
  .action(async (options: { json?: boolean }) => runIntakeList(options));

const user = program.command('user').description('manage users');
user
  .command('add')
  .requiredOption('--email <email>')
  .requiredOption('--role <role>', 'admin, editor, monitor or lawyer')
  .option('--name <name>')
  .description('create a user; prints a generated password')
  .action(async (options: { email: string; role: string; name?: string }) => userAddCommand(options));

program
  .command('backup')
  .argument('[file]')
  .description('write a backup of the database')
  .action(async (file: string | undefined) => {
    const { backupDatabase } = await import('./cli/backup.ts');
    process.stdout.write(`backup written to ${await backupDatabase(file)}\n`);
  });
program
  .command('restore')
  .argument('<file>')
  .description('restore the database from a backup into an empty data folder or database')
  .action(async (file: string) => {
    const { restoreDatabase } = await import('./cli/backup.ts');
    await restoreDatabase(file);
    process.stdout.write(`restored from ${file}\n`);
  });
program
  .command('demo')
  .description('load the demo data set')
  .action(async () => {
    const { runDemoCommand } = await import('./modules/demo/index.ts');
    await withDatabase(({ handle }) =>
      runDemoCommand(handle.db, (line) => process.stdout.write(`${line}\n`)),
    );
  });
program
  .command('bench')
  .description('run the benchmarks and print their figures')
  .option('--sizes <sizes>', 'incident counts of the data sets', '10000,100000')
  .option('--engines <engines>', 'pglite and/or postgres (default: pglite, and postgres with a URL)')
  .option('--postgres <url>', 'PostgreSQL server to bench (default: DATABASE_URL)')
  .option('--iterations <n>', 'timed requests per scenario', '30')
  .option('--duration <seconds>', 'seconds of each throughput run', '5')
  .option('--reload', 'rebuild PostgreSQL data sets even when loaded')
  .option('--json <file>', 'also write the figures as JSON')
  .option('--serving-only', 'only the figures taken from outside the server: start time and throughput')
  .option('--start-runs <n>', 'server starts on a new data folder (each followed by two on it)', '2')
  .option('--scenarios <pattern>', 'only the in-process scenarios whose name matches (a regular expression)')
  .option('--no-serving', 'skip the figures taken from outside the server')
  .action(async (options: BenchOptions) => {
    const { runBench } = await import('../scripts/bench/bench.ts');
    await runBench(options);
  });

program
  .command('config')
  .description('check the configuration and print it without secrets')
  .action(() => {
    const config = loadConfig();
    process.stdout.write(
      `${JSON.stringify({ ...config, sessionSecret: config.sessionSecret ? '(set)' : '(unset)', smtp: config.smtp ? '(set)' : '(unset)' }, null, 2)}\n`,
    );
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  exitWithError(error);
}
