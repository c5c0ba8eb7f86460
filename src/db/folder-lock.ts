import fs from 'node:fs';
import { AppError } from '../lib/errors.ts';

export type FolderLock = { release: () => void };

/**
 * PGlite takes no lock of its own: two processes on one data folder would corrupt it. This lock file
 * holds the owner's pid; a lock left by a process that no longer runs is taken over.
 */
export function acquireFolderLock(lockPath: string): FolderLock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const ownerPid = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
      if (Number.isFinite(ownerPid) && ownerPid !== process.pid && isRunning(ownerPid)) {
        throw new AppError(
          'database_locked',
          `SOZWATCH_DATA_DIR: the embedded database is in use by another sozwatch process (pid ${ownerPid})`,
          { field: 'SOZWATCH_DATA_DIR' },
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError('database_locked', `SOZWATCH_DATA_DIR: cannot lock ${lockPath}`, {
    field: 'SOZWATCH_DATA_DIR',
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
