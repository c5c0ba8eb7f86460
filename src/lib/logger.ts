import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import type { Config } from '../config.ts';

/**
 * Structured JSON lines on standard output. Writes are asynchronous: lines written while one write is
 * in flight go out together, so a busy server does not block on a write per line; pino flushes what
 * is left when the process exits.
 */
export function createLogger(level: Config['logLevel']): FastifyBaseLogger {
  return pino({ level }, pino.destination({ dest: 1, sync: false }));
}
