// The operators' port: GET /metrics for Prometheus and GET /health/live for the container's probe,
// on a listener of their own that is never published, apart from the API's routes and their limits.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { metricsText } from './metrics.ts';

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

export async function startMetricsServer(options: {
  host: string;
  port: number;
  log: Logger;
  /** Rejects when the process should be restarted; /health/live then answers 503 with the reason. */
  live?: () => Promise<void>;
}): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    const path = request.url?.split('?')[0];
    const send = (status: number, type: string, body: string) =>
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (request.method !== 'GET') return send(405, 'text/plain', 'method not allowed\n');
    if (path === '/metrics')
      return void metricsText().then(
        ({ contentType, body }) => send(200, contentType, body),
        (err: unknown) => {
          options.log.error({ err }, 'metrics collection failed');
          send(500, 'text/plain', 'metrics collection failed\n');
        },
      );
    if (path === '/health/live')
      return void (options.live?.() ?? Promise.resolve()).then(
        () => send(200, 'application/json', '{"status":"ok"}'),
        (error: unknown) =>
          send(
            503,
            'application/json',
            JSON.stringify({
              status: 'unavailable',
              reason: error instanceof Error ? error.message : 'failed',
            }),
          ),
      );
    send(404, 'text/plain', 'not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  options.log.info({ port }, 'metrics and liveness listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
