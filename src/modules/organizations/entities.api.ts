/** The organizations module's entities (see audit/entities.api.ts for why apart from index.ts). */
export { Organization, Plan, SLUG_PATTERN } from './organization.entity';
export { OrganizationSettings } from './organization-settings';
