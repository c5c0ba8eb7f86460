export { runProfileExport, runUwaziImport } from './exchange.cli.ts';
export { exportProfile, exportProfileToString } from './exchange.export.ts';
export { categoryMapping, type Profile, profileNames, profiles } from './exchange.profiles.ts';
export { importUwaziCsv, uwaziDay } from './exchange.uwazi.ts';
