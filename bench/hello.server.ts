/**
 * The baseline for `npm run bench:api`: a bare Hono hello-world on
 * @hono/node-server, the same HTTP stack samenspel runs on, with nothing
 * else. Listens on loopback at PORT and prints `listening <port>`.
 *
 * @example
 * PORT=3100 node --import tsx bench/hello.server.ts
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('Hello Hono!'));

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`listening ${info.port}\n`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
