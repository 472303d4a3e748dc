import DataLoader from 'dataloader';
import { loaderFor, type GraphQLContext } from '../../graphql/context';
import { usersByIds, type User } from '../users';
import { ApiCredential } from './credential.entity';

/** Per-request: the users who created the listed keys, in one query. */
export function usersById(ctx: GraphQLContext): DataLoader<string, User | null> {
  return loaderFor(ctx, 'credentials.usersById', () =>
    new DataLoader<string, User | null>(async (ids) => {
      const users = await usersByIds(ctx.em, ids);
      const byId = new Map(users.map((user) => [user.id, user]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}

/** Per-request: credential id → logo file id (null without a logo or when the key is gone), in one query. */
export function logoFileIds(ctx: GraphQLContext): DataLoader<string, string | null> {
  return loaderFor(ctx, 'credentials.logoFileIds', () =>
    new DataLoader<string, string | null>(async (ids) => {
      const rows = await ctx.em.find(ApiCredential, { id: { $in: [...ids] } }, { fields: ['id', 'logoFileId'] });
      const byId = new Map(rows.map((row) => [row.id, row.logoFileId]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}

export const CREDENTIAL_LOGO_PATH = '/credential-logos';

/** Logos are not secret: a public URL, versioned by file so browsers refetch after a change. */
export function logoUrl(publicUrl: string, credentialId: string, logoFileId: string | null): string | null {
  return logoFileId ? `${publicUrl}${CREDENTIAL_LOGO_PATH}/${credentialId}?v=${logoFileId.slice(0, 8)}` : null;
}
