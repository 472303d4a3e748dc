import { Query, Resolver } from 'type-graphql';
import { HumansOnly } from '../../graphql/permissions';
import { catalog, ENDPOINTS } from './catalog';
import { ApiEndpoint, IntegrationPartner, PermissionPreset } from './catalog.types';
import { INTEGRATION_PARTNERS } from './partners';
import { PERMISSION_PRESETS } from './presets';

/** What the key form shows: the catalog grouped by endpoint, presets and partners. For credential managers. */
@Resolver()
export class CatalogResolver {
  @Query(() => [ApiEndpoint], { nullable: true })
  @HumansOnly('credentialManager')
  apiEndpoints(): ApiEndpoint[] {
    return Object.entries(ENDPOINTS).map(([name, description]) => ({
      name,
      description,
      operations: catalog.filter((entry) => entry.endpoint === name),
    }));
  }

  @Query(() => [PermissionPreset], { nullable: true })
  @HumansOnly('credentialManager')
  permissionPresets(): PermissionPreset[] {
    return PERMISSION_PRESETS.map((preset) => ({ ...preset, operations: [...preset.operations] }));
  }

  @Query(() => [IntegrationPartner], { nullable: true })
  @HumansOnly('credentialManager')
  integrationPartners(): IntegrationPartner[] {
    return INTEGRATION_PARTNERS.map((partner) => ({ ...partner, operations: [...partner.operations] }));
  }
}
