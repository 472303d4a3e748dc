import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';
import { registerGreenhouseRoutes } from '../compat-greenhouse/greenhouse.routes';
import { registerLeverRoutes } from '../compat-lever/lever.routes';
import { CompatSiteRepository } from './compat-site.repository';

/** The drop-in public APIs (Lever Postings v0, Greenhouse Job Board v1), sharing one site lookup. */
export async function registerCompatRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const sites = new CompatSiteRepository(services.orm);
  services.organizations.onSettingsChanged(async () => sites.clear());
  await registerLeverRoutes(app, services, sites);
  await registerGreenhouseRoutes(app, services, sites);
}
