/** The organizations module's face: what other modules may import. Everything else in this folder is private to it. */
export * from './entities.api';
export { feedChanged, newOrganization, OrganizationService } from './organization.service';
export { OrganizationLogoService } from './organization-logo.service';
export { OrganizationDirectory, organizationBySlug, organizationOf } from './organization-directory.query';
