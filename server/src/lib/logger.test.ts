import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  // The very options the app's Fastify logger is built with.
  const log = pino(loggerOptions('info') as pino.LoggerOptions, sink);
  return { log, lines };
}

describe('log redaction', () => {
  it('blanks key material wherever a logged object carries it', () => {
    const { log, lines } = capture();
    log.info({ key: { sealedSecretKey: 'sealed-AAA', secretKeyMultibase: 'zrv-BBB', publicKeyMultibase: 'z6Mk-public' }, privateKey: 'raw-CCC', row: { signer: { privateKey: 'raw-DDD' } } }, 'key loaded');
    const line = JSON.parse(lines[0]!);
    expect(line.key).toEqual({ sealedSecretKey: '[redacted]', secretKeyMultibase: '[redacted]', publicKeyMultibase: 'z6Mk-public' });
    expect(line.privateKey).toBe('[redacted]');
    expect(line.row.signer.privateKey).toBe('[redacted]');
    expect(lines[0]).not.toMatch(/AAA|BBB|CCC|DDD/);
  });
});
