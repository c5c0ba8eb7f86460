export {
  type AssembledBulletin,
  assembleBulletin,
  type BulletinInput,
  type ItemSnapshot,
} from './assemble.ts';
export {
  type BulletinDrift,
  bulletinDrift,
  compareFigures,
  createBulletinDraft,
  loadBulletinInput,
  moveBulletinItem,
  publishBulletin,
  refreshBulletinItems,
  updateBulletinTexts,
} from './bulletins.service.ts';
export {
  type BulletinBenchmark,
  benchBuildBulletin,
  checkReportOptions,
  type ReportFormat,
  renderBulletin,
  reportCommand,
  reportFormats,
} from './report.ts';
