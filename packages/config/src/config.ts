// The one typed, frozen configuration object. Nothing else reads process.env.
import { z } from 'zod';

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional())
  .optional();

const oidcIssuer = z.object({
  issuer: z.string().min(1),
  audience: z.string().min(1),
  jwksUrl: z.url(),
  algorithms: z
    .array(z.enum(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA']))
    .min(1),
  partnerClaim: z.string().default('nonrecours_partner'),
  roleClaim: z.string().default('nonrecours_role'),
});
export type OidcIssuerConfig = z.infer<typeof oidcIssuer>;

const jsonArray = <T extends z.ZodType>(item: T) =>
  z
    .string()
    .default('[]')
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.array(item));

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const settingsSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: int(0, 65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: optionalUrl,
  DATABASE_POOL_SIZE: int(2, 200).default(10),
  EMBEDDED_PG_DIR: z.string().default('.data/pg'),
  EMBEDDED_PG_PORT: int(1024, 65535).default(54329),
  REDIS_URL: optionalUrl,
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/, 'only a-z, 0-9, _ and -')
    .default('nonrecours'),
  WORKER_CONCURRENCY: int(1, 64).default(2),
  JOB_LOCK_MS: int(1000, 600_000).default(30_000),
  /** How often the worker compares active runs with their jobs (see run-watchdog.ts). */
  RUN_WATCHDOG_MS: int(500, 600_000).default(15_000),
  /** How often the worker checks that its job schedulers are all in Redis. */
  SCHEDULE_CHECK_MS: int(500, 3_600_000).default(60_000),
  MIGRATE_ON_START: z.stringbool().default(true),
  TOKEN_ISSUER: z.string().min(1).default('nonrecours'),
  TOKEN_AUDIENCE: z.string().min(1).default('nonrecours-api'),
  TOKEN_TTL_SECONDS: int(60, 86_400).default(900),
  TOKEN_SIGNING_KEY_FILE: z.string().default('.data/token-signing-key.jwk'),
  AUDIT_CHECKPOINT_KEY_FILE: z.string().default('.data/audit-checkpoint-key.jwk'),
  AUDIT_CHECKPOINT_TRUSTED_KEYS_FILE: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_PERIOD_SECONDS: int(1, 86_400).default(60),
  AUDIT_CHECKPOINT_SINK_FILE: z.string().min(1).optional(),
  OIDC_ISSUERS: jsonArray(oidcIssuer),
  TOKEN_RATE_LIMIT_PER_MINUTE: int(1, 100_000).default(30),
  MAX_UPLOAD_BYTES: int(1024, 64 * 1024 ** 3).default(2 * 1024 ** 3),
  /** An upload whose body sends nothing for this long, or less than the minimum rate over it, ends. */
  UPLOAD_IDLE_TIMEOUT_MS: int(100, 600_000).default(30_000),
  UPLOAD_MIN_BYTES_PER_SECOND: int(0, 1024 ** 3).default(1024),
  /** Uploads streaming at once; by default half the database pool. */
  UPLOAD_MAX_CONCURRENT: int(1, 200).optional(),
  SHUTDOWN_TIMEOUT_MS: int(100, 600_000).default(10_000),
  TRUST_PROXY: z.stringbool().default(false),
  /** GET /metrics (Prometheus) and GET /health/live on a port of their own; unset, not served. */
  METRICS_PORT: int(0, 65535).optional(),
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** The operators' queue dashboard at /admin/queues may retry, promote and remove jobs. */
  QUEUE_DASHBOARD_WRITE: z.stringbool().default(false),
  DEMO: z.stringbool().default(true),
  DEMO_PERSONS: int(100, 1_000_000).default(3000),
  DEMO_DIR: z.string().default('.data/demo'),
  DEMO_MONTH: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
    .default('2026-10'),
  CONSOLE_SESSION_IDLE_MINUTES: int(1, 24 * 60).default(30),
  CONSOLE_SESSION_MAX_HOURS: int(1, 7 * 24).default(12),
  CONSOLE_OIDC_ISSUER: optionalUrl,
  CONSOLE_OIDC_CLIENT_ID: z.string().min(1).optional(),
  CONSOLE_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  CONSOLE_OIDC_REDIRECT_URI: optionalUrl,
  CONSOLE_OIDC_SCOPES: z.string().default('openid email'),
  CONSOLE_OIDC_NAME: z.string().min(1).default('ProConnect'),
});

// The console's OpenID Connect settings go together, and only over https in production.
export const configSchema = settingsSchema.superRefine((config, ctx) => {
  if (!config.CONSOLE_OIDC_ISSUER) return;
  for (const key of ['CONSOLE_OIDC_CLIENT_ID', 'CONSOLE_OIDC_REDIRECT_URI'] as const)
    if (!config[key])
      ctx.addIssue({ code: 'custom', path: [key], message: 'required with CONSOLE_OIDC_ISSUER' });
  if (config.NODE_ENV === 'production' && !config.CONSOLE_OIDC_ISSUER.startsWith('https:'))
    ctx.addIssue({ code: 'custom', path: ['CONSOLE_OIDC_ISSUER'], message: 'must be https in production' });
});

export type Config = Readonly<z.infer<typeof configSchema>>;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses an environment (process.env by default); throws ConfigError listing every `KEY: problem`. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return Object.freeze(result.data);
}

/** For process entry points: the configuration, or the list of problems on stderr and exit code 1. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
