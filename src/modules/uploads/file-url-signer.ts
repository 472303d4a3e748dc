import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureCheck = 'valid' | 'invalid' | 'expired';

/**
 * Signs download links (`/files/:id?expires&sig`): the signature is the
 * authorization, so a link can be handed to a browser. The key is derived from the
 * master key, so rotating that key also kills outstanding links.
 */
export class FileUrlSigner {
  private readonly key: Buffer;

  constructor(masterKey: Buffer) {
    this.key = createHmac('sha256', masterKey).update('file-urls').digest();
  }

  sign(fileId: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${fileId.toLowerCase()}:${expires}`).digest('base64url');
  }

  check(fileId: string, expiresRaw: unknown, sigRaw: unknown, nowSeconds = Math.floor(Date.now() / 1000)): SignatureCheck {
    if (typeof expiresRaw !== 'string' || typeof sigRaw !== 'string' || !/^\d{1,12}$/.test(expiresRaw)) return 'invalid';
    const expected = Buffer.from(this.sign(fileId, Number(expiresRaw)));
    const given = Buffer.from(sigRaw);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return Number(expiresRaw) < nowSeconds ? 'expired' : 'valid';
  }
}
