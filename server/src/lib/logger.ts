import type { FastifyServerOptions } from 'fastify';

/** Paths pino blanks out wherever they appear in a log line. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.totpSecret',
  '*.passwordHash',
  '*.secret',
  // Signing keys (diplomas): the sealed and the open secret half, at the top of the object or one level down.
  'sealedSecretKey',
  'secretKeyMultibase',
  'privateKey',
  'privateKeyMultibase',
  '*.sealedSecretKey',
  '*.secretKeyMultibase',
  '*.privateKey',
  '*.privateKeyMultibase',
  '*.*.sealedSecretKey',
  '*.*.secretKeyMultibase',
  '*.*.privateKey',
];

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
}
