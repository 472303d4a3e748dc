/** NOTIFY channel carrying the id of every credential that changed, so every instance evicts it. */
export const CREDENTIALS_CHANNEL = 'jobgate_credentials';
