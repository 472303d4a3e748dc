export interface ClusterSettings {
  databaseUrl: string;
  secretKey: string;
  publicUrl: string;
  s3: Record<string, string>;
  login: { slug: string; email: string; password: string };
}

/**
 * The environment of every instance: what docs/DEPLOY.md lists for a multi-instance
 * deployment. The caller's own variables pass through (e.g. JOBGATE_APPLY_RATE_PER_SECOND),
 * except the ones this sets and npm's own.
 */
export function instanceEnv(base: NodeJS.ProcessEnv, settings: ClusterSettings): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) if (!key.startsWith('npm_') && key !== 'PORT' && key !== 'HOST') env[key] = value;
  return {
    ...env,
    NODE_ENV: 'production',
    DATABASE_URL: settings.databaseUrl,
    JOBGATE_SECRET_KEY: settings.secretKey,
    JOBGATE_PUBLIC_URL: settings.publicUrl,
    ...settings.s3,
    // Limits counted once for the whole cluster, not once per instance.
    RATE_LIMIT_STORE: 'postgres',
    // Only the proxy on this machine may say who the client is.
    TRUST_PROXY: '127.0.0.1',
    JOBGATE_DEMO: 'false',
    JOBGATE_BOOTSTRAP_ORG_SLUG: settings.login.slug,
    JOBGATE_BOOTSTRAP_ORG_NAME: 'Cluster Demo',
    JOBGATE_BOOTSTRAP_ADMIN_EMAIL: settings.login.email,
    JOBGATE_BOOTSTRAP_ADMIN_PASSWORD: settings.login.password,
  };
}
