export { type MirrorOptions, runMirrorCommand } from './mirror.cli.ts';
export { isMirrored } from './mirror.crawl.ts';
export {
  CHECKSUM_FILE,
  type MirrorReport,
  mirrorSite,
  renderMirror,
  writeMirrorFiles,
} from './mirror.service.ts';
