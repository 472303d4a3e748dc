import { createHmac } from 'node:crypto';

/**
 * A salted hash of an e-mail address for the erasure tombstone: the same address
 * always hashes the same (so a re-import of an erased candidate can be detected),
 * but without the key nobody can test guesses against it. The key is derived from
 * the master key, for this purpose only.
 */
export class EmailHasher {
  private readonly key: Buffer;

  constructor(masterKey: Buffer) {
    this.key = createHmac('sha256', masterKey).update('jobgate candidate erasure tombstones').digest();
  }

  hash(emailKey: string): string {
    return createHmac('sha256', this.key).update(emailKey).digest('hex');
  }
}
