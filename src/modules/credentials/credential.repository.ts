import type { MikroORM } from '@mikro-orm/postgresql';

/** The credentials' SQL that runs outside a tenant-scoped fork. */
export class CredentialRepository {
  constructor(private readonly orm: MikroORM) {}

  /** A key's organization and logo, looked up by id before any tenant is known (logos are public). */
  async logoOf(credentialId: string): Promise<{ organizationId: string; logoFileId: string | null } | null> {
    const [row] = await this.orm.em
      .getConnection()
      .execute<{ organization_id: string; logo_file_id: string | null }[]>('select organization_id, logo_file_id from api_credentials where id = ?', [credentialId]);
    return row ? { organizationId: row.organization_id, logoFileId: row.logo_file_id } : null;
  }

  /** Organizations created before the postings key existed, which still have none. */
  async organizationsWithoutPostingsKey(): Promise<string[]> {
    const rows = await this.orm.em
      .getConnection()
      .execute<{ id: string }[]>(`select o.id from organization_directory o where not exists (select 1 from api_credentials c where c.organization_id = o.id and c.kind = 'POSTINGS')`);
    return rows.map((row) => row.id);
  }
}
