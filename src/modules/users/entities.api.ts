/** The users module's entities (see audit/entities.api.ts for why apart from index.ts). */
export { User } from './user.entity';
