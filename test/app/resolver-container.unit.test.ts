import { describe, expect, it } from 'vitest';
import { adminResolverEntries, adminResolvers } from '../../src/app/admin-resolvers';
import { publicResolverEntries, publicResolvers } from '../../src/app/public-resolvers';
import { ResolverContainer } from '../../src/app/resolver-container';
import type { Services } from '../../src/app/services';
import { CredentialResolver } from '../../src/modules/credentials/credential.resolver';
import { PublicPostingsResolver } from '../../src/modules/postings/public-postings.resolver';

/** Stand-ins for two instances' services: the factories only hand members to constructors, nothing is called. */
const instance = (publicUrl: string) => ({ config: { publicUrl } }) as unknown as Services;
const entries = [...adminResolverEntries, ...publicResolverEntries];

describe('the resolver container', () => {
  it('builds every resolver of both schemas, each once per instance', () => {
    const container = new ResolverContainer(instance('https://a.example'), entries);
    for (const resolver of [...adminResolvers, ...publicResolvers]) {
      const built = container.get(resolver);
      expect(built).toBeInstanceOf(resolver);
      expect(container.get(resolver)).toBe(built);
    }
  });

  it('never shares a resolver between two instances in one process', () => {
    const a = new ResolverContainer(instance('https://a.example'), entries);
    const b = new ResolverContainer(instance('https://b.example'), entries);
    expect(a.get(PublicPostingsResolver)).not.toBe(b.get(PublicPostingsResolver));
    expect(a.get(CredentialResolver)).not.toBe(b.get(CredentialResolver));
  });

  it('refuses a resolver it has no factory for, naming it and where to add it', () => {
    const container = new ResolverContainer(instance('https://a.example'), publicResolverEntries);
    expect(() => container.get(CredentialResolver)).toThrow(/no factory for resolver CredentialResolver: add it to app\/admin-resolvers\.ts/);
  });
});
