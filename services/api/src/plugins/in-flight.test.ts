import http from 'node:http';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { inFlightRequests } from './in-flight.ts';

describe('closing with requests in flight', () => {
  it('waits for the reply of a handler whose client went away', async () => {
    const app = Fastify();
    const inFlight = inFlightRequests();
    app.addHook('onRequest', inFlight.started);
    app.addHook('onSend', inFlight.replied);
    app.addHook('onResponse', inFlight.responded);
    app.addHook('onClose', inFlight.settled);
    const steps: string[] = [];
    let arrived!: () => void;
    const handling = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    app.get('/slow', async () => {
      arrived();
      await new Promise((resolve) => setTimeout(resolve, 200));
      steps.push('replied');
      return { ok: true };
    });
    app.get('/quick', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };

    expect((await fetch(`http://127.0.0.1:${port}/quick`)).status).toBe(200);
    const request = http.get(`http://127.0.0.1:${port}/slow`);
    request.on('error', () => {});
    await handling;
    request.destroy();
    await app.close();
    steps.push('closed');
    expect(steps).toEqual(['replied', 'closed']);
  });

  it('does not wait for a request dropped while its body was being read', async () => {
    const app = Fastify();
    const inFlight = inFlightRequests();
    app.addHook('onRequest', inFlight.started);
    app.addHook('preValidation', inFlight.parsed);
    app.addHook('onRequestAbort', inFlight.aborted);
    app.addHook('onSend', inFlight.replied);
    app.addHook('onResponse', inFlight.responded);
    app.addHook('onClose', inFlight.settled);
    app.post('/json', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const request = http.request(`http://127.0.0.1:${port}/json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '1000' },
    });
    request.on('error', () => {});
    request.write('{"a":');
    await new Promise((resolve) => setTimeout(resolve, 100));
    request.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = await Promise.race([
      app.close().then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 2000)),
    ]);
    expect(closed).toBe('closed');
  });
});
