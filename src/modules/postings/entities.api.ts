/** The postings module's entities (see audit/entities.api.ts for why apart from index.ts). */
export { Posting } from './posting.entity';
