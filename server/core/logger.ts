/**
 * Structured JSON logs (pino). Personal data never goes in: routes are
 * logged by pattern, errors by class, and these keys are redacted in case a
 * future log call passes an object that carries them.
 */
import pino, { type Logger } from 'pino';

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'samenspel' },
      redact: {
        paths: ['password', '*.password', 'email', '*.email', 'token', '*.token', 'cookie', '*.cookie', 'headers', '*.headers'],
        censor: '[redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
