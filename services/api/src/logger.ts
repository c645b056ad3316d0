// pino options: nothing personal or secret reaches the logs. Query strings are cut down to their
// keys (a pseudonym can sit in one), and known secret or pseudonym fields are redacted anywhere.
import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-key-check"]',
  'headers.authorization',
  '*.client_secret',
  '*.secret',
  '*.password',
  '*.access_token',
  '*.token',
  '*.person_pseudo',
  '*.identity_pseudo',
  '*.household_pseudo',
  '*.identity_clk',
  '*.pseudonym',
  '*.pseudonyms',
];

export function safeUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const keys = [...new URLSearchParams(url.slice(q + 1)).keys()];
  return `${url.slice(0, q)}?${keys.map((k) => `${k}=…`).join('&')}`;
}

/** pino-pretty when a person reads the output (development, a terminal) and it is installed. */
export function prettyTransport(env: {
  nodeEnv: string;
  isTTY: boolean | undefined;
}): LoggerOptions['transport'] | undefined {
  if (env.nodeEnv !== 'development' || !env.isTTY) return undefined;
  try {
    import.meta.resolve('pino-pretty');
  } catch {
    return undefined;
  }
  return {
    target: 'pino-pretty',
    options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true },
  };
}

export function loggerOptions(level: string, transport?: LoggerOptions['transport']): LoggerOptions {
  return {
    level,
    ...(transport ? { transport } : {}),
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: {
      // Headers are never logged; the URL only by path and query keys.
      req: (req: Partial<FastifyRequest>) => ({
        method: req.method,
        url: typeof req.url === 'string' ? safeUrl(req.url) : undefined,
        requestId: req.id,
      }),
    },
  };
}
