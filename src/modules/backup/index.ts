/** The backup module: an online backup of the embedded database, for administrators. */

export { backupRoutes } from './backup.routes.tsx';
export { takeOnlineBackup } from './backup.service.ts';
