import type { DemoLogin } from './first-organization';

/**
 * What a person starting the service reads. It goes to stderr: stdout carries
 * only JSON log lines, so log shippers never see the demo password, which is
 * shown here once and stored nowhere readable.
 */
export function startupBanner(base: string, demo: DemoLogin | null): string {
  const lines = [
    '',
    'Jobgate is running',
    `  admin API   POST ${base}/graphql`,
    `  public API  POST ${base}/public/graphql`,
    `  job boards  GET  ${base}/jobs/<slug>   (landing page: ${base}/)`,
    `  job feed    GET  ${base}/feeds/<slug>.xml`,
    `  console     GET  ${base}/admin`,
    `  health      GET  ${base}/healthz  ${base}/readyz  ${base}/metrics`,
  ];
  if (demo) {
    lines.push(
      '',
      'Demo organization created (shown once; the password is not stored anywhere readable):',
      `  organizationSlug: ${demo.organizationSlug}`,
      `  email:            ${demo.email}`,
      `  password:         ${demo.password}`,
      `  feed:             ${base}/feeds/${demo.organizationSlug}.xml`,
      `  job board:        ${base}/jobs/${demo.organizationSlug}`,
      '',
      `Lost it? Stop the server, then: npm run jobgate -- user:reset-password --org ${demo.organizationSlug} --email ${demo.email}`,
    );
  }
  return lines.join('\n') + '\n\n';
}
