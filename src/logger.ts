import pino, { type DestinationStream, type Logger } from 'pino';
import { serializeError } from './log-errors';
import { redactSecrets, redactUrl } from './log-redaction';

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
  'headers.cookie',
  // @fastify/multipart logs its busboy options at trace level, the request's headers included.
  '*.headers.authorization',
  '*.headers.cookie',
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

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's request fields, with the URL redacted (signed links, `?key=`, secrets in a path segment). */
function serializeRequest(req: LoggedRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: typeof req.url === 'string' ? redactUrl(req.url) : req.url,
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Database errors carry parameter values (candidate PII) in their message: logged without them.
      // Fastify's own `req` serializer logs the full URL; this one logs it without credentials.
      serializers: { err: serializeError, req: serializeRequest },
      hooks: { streamWrite: redactSecrets },
      base: { service: 'jobgate' },
    },
    destination,
  );
}
