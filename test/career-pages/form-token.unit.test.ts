import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FORM_TOKEN_TTL_SECONDS, FormTokens } from '../../src/modules/career-pages/form-token';

const POSTING = '5b0f3a3e-6f0e-4c59-9a55-0d2c7d1c8f10';
const OTHER_POSTING = '9d1e0b4a-1c2b-4f3e-8a7d-6e5f4c3b2a10';

describe('hosted apply form tokens', () => {
  const tokens = new FormTokens(randomBytes(32));

  it('accepts its own token for its posting (any case of the id) and returns the nonce', () => {
    const token = tokens.issue(POSTING);
    const check = tokens.check(token, POSTING.toUpperCase());
    expect(check.ok).toBe(true);
    expect(check.nonce).toBe(token.split('.')[0]);
  });

  it('refuses a forged token: another key, a changed signature, nonce or expiry, garbage', () => {
    const token = tokens.issue(POSTING);
    const [nonce, expires, sig] = token.split('.') as [string, string, string];
    expect(tokens.check(new FormTokens(randomBytes(32)).issue(POSTING), POSTING).ok).toBe(false);
    expect(tokens.check(`${nonce}.${expires}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`, POSTING).ok).toBe(false);
    expect(tokens.check(`${'A'.repeat(22)}.${expires}.${sig}`, POSTING).ok).toBe(false);
    expect(tokens.check(`${nonce}.${Number(expires) + 3600}.${sig}`, POSTING).ok).toBe(false);
    for (const bad of [undefined, null, 42, '', 'x.y.z', `${token}.`, ` ${token}`]) expect(tokens.check(bad, POSTING).ok).toBe(false);
  });

  it('refuses a token of another posting', () => {
    expect(tokens.check(tokens.issue(OTHER_POSTING), POSTING).ok).toBe(false);
  });

  it('refuses an expired token and accepts it until then', () => {
    const issuedAt = Date.now();
    const token = tokens.issue(POSTING, issuedAt);
    expect(tokens.check(token, POSTING, issuedAt + (FORM_TOKEN_TTL_SECONDS - 1) * 1000).ok).toBe(true);
    expect(tokens.check(token, POSTING, issuedAt + (FORM_TOKEN_TTL_SECONDS + 1) * 1000).ok).toBe(false);
  });
});
