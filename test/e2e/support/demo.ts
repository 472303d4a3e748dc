/** The demo organization the e2e server creates on its first start (see playwright.config.ts). */
export const E2E_DEMO_PASSWORD = 'e2e-demo-password-1';
export const DEMO_ORG = { slug: 'acme', email: 'admin@acme.example', password: E2E_DEMO_PASSWORD } as const;
