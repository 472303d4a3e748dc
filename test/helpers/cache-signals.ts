import type { CredentialVerifier } from '../../src/auth/credential-verifier';
import type { PublicResponseCache } from '../../src/modules/public-cache/response-cache';

/** Resolves when `verifier` next evicts `credentialId` (lets a test wait for a NOTIFY to arrive). */
export function nextEviction(verifier: CredentialVerifier, credentialId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = verifier.onEvict((id) => {
      if (id !== credentialId) return;
      stop();
      resolve();
    });
  });
}

/** Resolves when `cache` next invalidates `organizationId` (locally or through NOTIFY). */
export function nextInvalidation(cache: PublicResponseCache, organizationId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = cache.onInvalidate((id) => {
      if (id !== organizationId) return;
      stop();
      resolve();
    });
  });
}

/** Runs `request` and tells whether the verifier answered it from its cache (no SQL lookup). */
export async function answeredFromCache(verifier: CredentialVerifier, request: () => Promise<unknown>): Promise<boolean> {
  const before = verifier.lookups;
  await request();
  return verifier.lookups === before;
}
