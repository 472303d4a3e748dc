import { describe, expect, it } from 'vitest';
import { startupBanner } from '../../src/app/startup-banner';

describe('the start-up banner', () => {
  it('lists every entry point, the admin console included', () => {
    const banner = startupBanner('http://127.0.0.1:4000', null);
    expect(banner).toContain('POST http://127.0.0.1:4000/graphql');
    expect(banner).toContain('POST http://127.0.0.1:4000/public/graphql');
    expect(banner).toContain('GET  http://127.0.0.1:4000/admin');
    expect(banner).toContain('GET  http://127.0.0.1:4000/healthz');
  });
});
