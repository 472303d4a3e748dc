import { Query, Resolver } from 'type-graphql';
import { HumansOnly } from '../../graphql/permissions';
import { catalog, ENDPOINTS } from '../../auth/catalog';
import { ApiEndpoint, IntegrationPartner, PermissionPreset } from '../../auth/catalog.types';
import { INTEGRATION_PARTNERS } from '../../auth/partners';
import { PERMISSION_PRESETS } from '../../auth/presets';

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
