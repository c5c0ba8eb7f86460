export { EXPORT_LIMIT } from './api.export.ts';
export { API_VERSION, type ApiOptions, apiModule } from './api.routes.ts';
