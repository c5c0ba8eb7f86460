/** The editorial web app of records: lists, forms, timelines, links, history and "my work". */
export { editorialRoutes } from './editorial.routes.tsx';
