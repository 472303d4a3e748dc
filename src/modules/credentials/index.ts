/** The credentials module's face: what other modules may import. Everything else in this folder is private to it. */
// The secret box encrypts the secrets the service must read back (postings key, webhook signing keys).
export { decryptSecret, encryptSecret } from './secret-box';
