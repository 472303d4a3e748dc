import { describe, expect, it } from 'vitest';
import { generateSecret, SECRET_PREFIXES } from '../../src/auth/secret-format';
import { redactSecrets, redactUrl } from '../../src/log-redaction';

describe('log redaction', () => {
  it('redacts credential parameters and secrets in any part of a URL, and keeps the rest', () => {
    expect(redactUrl('/files/abc?expires=123&sig=s3cr3t')).toBe('/files/abc?expires=123&sig=[redacted]');
    expect(redactUrl('/v0/postings/acme/1?KEY=x&mode=json')).toBe('/v0/postings/acme/1?KEY=[redacted]&mode=json');
    expect(redactUrl('/a?%6Bey=x')).toBe('/a?%6Bey=[redacted]');
    expect(redactUrl('/jobs/acme?q=engineer&team=R%26D')).toBe('/jobs/acme?q=engineer&team=R%26D');
    for (const prefix of Object.values(SECRET_PREFIXES)) {
      const secret = generateSecret(prefix);
      expect(redactUrl(`/x/${secret}/y?q=${secret}&${secret}`)).toBe('/x/[redacted]/y?q=[redacted]&[redacted]');
      expect(redactSecrets(`{"msg":"no route /a?key=abc&sig=def for ${secret}"}`)).toBe('{"msg":"no route /a?key=[redacted]&sig=[redacted] for [redacted]"}');
    }
  });
});
