import { ConfigError, loadConfig } from '@nonrecours/config';
import { describe, expect, it } from 'vitest';

describe('configuration', () => {
  it('has working defaults: embedded database, in-process jobs', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, TOKEN_TTL_SECONDS: 900, EMBEDDED_PG_DIR: '.data/pg' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every bad value as KEY: problem', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        REDIS_URL: 'not a url',
        OIDC_ISSUERS: '[{"issuer":"x"}]',
        LOG_LEVEL: 'loud',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const keys = (error as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(keys).toEqual(
        expect.arrayContaining(['PORT', 'REDIS_URL', 'OIDC_ISSUERS.0.audience', 'LOG_LEVEL']),
      );
    }
  });

  it('reads external OIDC issuers as JSON', () => {
    const config = loadConfig({
      OIDC_ISSUERS: JSON.stringify([
        {
          issuer: 'https://idp.example',
          audience: 'nonrecours',
          jwksUrl: 'https://idp.example/jwks',
          algorithms: ['RS256'],
        },
      ]),
    });
    expect(config.OIDC_ISSUERS[0]).toMatchObject({
      partnerClaim: 'nonrecours_partner',
      roleClaim: 'nonrecours_role',
    });
  });
});
