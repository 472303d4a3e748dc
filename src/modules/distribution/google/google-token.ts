import { gaxios, JWT } from 'google-auth-library';
import { GOOGLE_TOKEN_URI, type ServiceAccountKey } from './service-account-key';

export const INDEXING_SCOPE = 'https://www.googleapis.com/auth/indexing';

/** Gives an access token for the Indexing API, cached by google-auth-library until shortly before it expires. */
export type AccessTokenSource = () => Promise<string>;

/**
 * google-auth-library signs the assertion and caches the token; this only makes it
 * honour the key's `token_uri` (its JWT client always posts to Google's token URL,
 * which a key for a private or test token server does not use).
 */
export function serviceAccountTokens(key: ServiceAccountKey): AccessTokenSource {
  const transporter = new gaxios.Gaxios();
  if (key.tokenUri !== GOOGLE_TOKEN_URI) {
    transporter.interceptors.request.add({
      resolved: async (options) => {
        if (String(options.url) === GOOGLE_TOKEN_URI) options.url = new URL(key.tokenUri);
        return options;
      },
    });
  }
  const client = new JWT({ email: key.clientEmail, key: key.privateKey, scopes: [INDEXING_SCOPE], transporter });
  return async () => {
    const { token } = await client.getAccessToken();
    if (!token) throw new Error('Google issued no access token');
    return token;
  };
}
