/** The public cache's face: what other modules may import. Everything else in this folder is private to it. */
export { packEntry, unpackEntry } from './cache-entry';
export { PublicResponseCache } from './response-cache';
