/** The users module's face: what other modules may import. Everything else in this folder is private to it. */
export * from './entities.api';
export { usersByIds } from './user-lookup.query';
