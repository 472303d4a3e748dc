import pino, { type DestinationStream, type Logger } from 'pino';
import { serializeError } from './log-errors';

/**
 * Paths whose values never reach a log line. Fastify logs no headers by default;
 * these cover anything that a future log call might include by accident.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'authorization',
  'password',
  'token',
  'secret',
  '*.authorization',
  '*.password',
  '*.token',
  '*.secret',
  '*.*.password',
  '*.*.token',
  '*.*.secret',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Database errors carry parameter values (candidate PII) in their message: logged without them.
      serializers: { err: serializeError },
      base: { service: 'jobgate' },
    },
    destination,
  );
}
