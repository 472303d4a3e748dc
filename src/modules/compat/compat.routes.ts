import type { FastifyInstance } from 'fastify';
import type { CompatServices } from './compat-services';
import { registerGreenhouseRoutes } from './greenhouse/greenhouse.routes';
import { registerLeverRoutes } from './lever/lever.routes';
import { CompatSiteRepository } from './compat-site.repository';

/** The drop-in public APIs (Lever Postings v0, Greenhouse Job Board v1), sharing one site lookup. */
export async function registerCompatRoutes(app: FastifyInstance, services: CompatServices): Promise<void> {
  const sites = new CompatSiteRepository(services.orm);
  services.events.on('settings.changed', () => sites.clear());
  await registerLeverRoutes(app, services, sites);
  await registerGreenhouseRoutes(app, services, sites);
}
