/**
 * Commands whose code is heavy (the server, the importer, argon2), loaded only when they run, so
 * that `sozwatch --help` and the light commands do not pay for them. Each wrapper takes the
 * arguments of the function it loads.
 */
function loadedWhenCalled<Args extends unknown[], Result>(
  load: () => Promise<(...args: Args) => Promise<Result>>,
): (...args: Args) => Promise<Result> {
  return async (...args) => (await load())(...args);
}

export const serve = loadedWhenCalled(async () => (await import('./serve.ts')).serve);
export const userAddCommand = loadedWhenCalled(
  async () => (await import('../modules/auth/index.ts')).userAddCommand,
);
export const runParseReport = loadedWhenCalled(
  async () => (await import('../modules/importer/index.ts')).runParseReport,
);
export const runImportReport = loadedWhenCalled(
  async () => (await import('../modules/importer/index.ts')).runImportReport,
);
export const runIntakeAdd = loadedWhenCalled(
  async () => (await import('../modules/intake/index.ts')).runIntakeAdd,
);
export const runIntakeFetch = loadedWhenCalled(
  async () => (await import('../modules/intake/index.ts')).runIntakeFetch,
);
export const runIntakeList = loadedWhenCalled(
  async () => (await import('../modules/intake/index.ts')).runIntakeList,
);
