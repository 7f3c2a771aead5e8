import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { serve } from './serve.js';

/** An app whose /slow answers only when the test says so. */
function slowApp() {
  let release: () => void = () => {};
  let arrived: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const received = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const app = new Hono();
  app.get('/fast', (c) => c.text('fast'));
  app.get('/slow', async (c) => {
    arrived();
    await released;
    return c.text('slow but complete');
  });
  return { app, release, received };
}

describe('serve', () => {
  it('listens on a free port with port 0 and reports it in the url', async () => {
    const { app } = slowApp();
    let announced = '';
    const server = await serve(app, { port: 0, hostname: '127.0.0.1', onListening: (url) => (announced = url) });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.url).not.toBe('http://127.0.0.1:0');
      expect(announced).toBe(server.url);
      const response = await fetch(`${server.url}/fast`);
      expect(await response.text()).toBe('fast');
    } finally {
      await server.close();
    }
  });

  it('lets a request in flight finish before close resolves, and refuses new connections', async () => {
    const { app, release, received } = slowApp();
    const server = await serve(app, { port: 0, hostname: '127.0.0.1' });
    const slow = fetch(`${server.url}/slow`).then((response) => response.text());
    await received;

    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);
    await expect(fetch(`${server.url}/fast`)).rejects.toThrow();

    release();
    expect(await slow).toBe('slow but complete');
    await closing;
    expect(closed).toBe(true);
  });

  it('closes idle keep-alive connections at once', async () => {
    const { app } = slowApp();
    const server = await serve(app, { port: 0, hostname: '127.0.0.1' });
    // fetch keeps the connection open for the next request.
    await (await fetch(`${server.url}/fast`)).text();
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('cuts what is still running after the drain timeout', async () => {
    const { app, received } = slowApp();
    const server = await serve(app, { port: 0, hostname: '127.0.0.1', drainTimeoutMs: 200 });
    const slow = fetch(`${server.url}/slow`).then(
      () => 'answered',
      () => 'cut',
    );
    await received;
    await server.close();
    expect(await slow).toBe('cut');
  });
});
