// Nothing secret or personal reaches the logs.
import { Writable } from 'node:stream';
import { loggerOptions, safeUrl } from '@nonrecours/api/logger.ts';
import pino from 'pino';
import { describe, expect, it } from 'vitest';

describe('logging', () => {
  it('redacts tokens, secrets and pseudonyms wherever they appear', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = pino(loggerOptions('info'), sink);
    const pseudonym = 'ILlax1isu8usC7dZtCsUJIjlnuV0FKlfr1L5SSyHP9k';
    log.info({ req: { headers: { authorization: 'Bearer abc.def.ghi' } } }, 'request');
    log.info({ body: { client_secret: 's3cret', person_pseudo: pseudonym }, job: { pseudonym } }, 'work');
    log.info({ payload: { access_token: 'tok', identity_clk: 'QAQCBAIQ' } }, 'token');
    const text = lines.join('');
    for (const secret of ['abc.def.ghi', 's3cret', pseudonym, 'tok"', 'QAQCBAIQ'])
      expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('logs query strings by key only', () => {
    expect(safeUrl('/v1/audit?pseudonym=ILlax1&limit=5')).toBe('/v1/audit?pseudonym=…&limit=…');
    expect(safeUrl('/health/live')).toBe('/health/live');
  });
});
