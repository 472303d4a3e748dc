/** The uploads module's entities (see audit/entities.api.ts for why apart from index.ts). */
export { StoredFile } from './stored-file.entity';
