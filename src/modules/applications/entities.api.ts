/** The applications module's entities (see audit/entities.api.ts for why apart from index.ts). */
export { Application } from './application.entity';
export { Candidate } from './candidate.entity';
