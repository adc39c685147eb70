import { ChildProcess, spawn } from 'child_process';
import { AddressInfo, connect, createServer } from 'net';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One PING over a plain socket (an ioredis client that was refused leaves a timer behind). */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(false));
  });
}

/** Polls until the Redis at `port` answers PING, or fails after the deadline. */
async function waitForRedis(port: number, deadlineMs = 10_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!(await ping(port))) {
    if (Date.now() > until) throw new Error(`redis-server on port ${port} did not answer PING`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('GET /api/health', () => {
  beforeAll(() => resetDatabase());

  it('answers 200 with PostgreSQL and Redis up, without a token', async () => {
    const t = await createTestApp();
    try {
      const res = await t.http.get('/api/health').expect(200);
      expect(res.body).toMatchObject({
        status: 'ok',
        info: { postgres: { status: 'up' }, redis: { status: 'up' } },
      });
    } finally {
      await t.close();
    }
  });

  describe('when Redis stops', () => {
    let redis: ChildProcess;
    let port: number;
    let t: TestApp;
    let savedUrl: string | undefined;
    const startRedis = async () => {
      redis = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
      await waitForRedis(port);
    };

    beforeAll(async () => {
      port = await freePort();
      await startRedis();
      savedUrl = process.env.REDIS_URL;
      process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
      t = await createTestApp();
    });
    afterAll(async () => {
      process.env.REDIS_URL = savedUrl;
      await t.close();
      redis.kill('SIGKILL');
    });

    it('reports Redis down with 503 while PostgreSQL stays up', async () => {
      await t.http.get('/api/health').expect(200);
      const exited = new Promise((resolve) => redis.once('exit', resolve));
      redis.kill('SIGTERM');
      await exited;

      const res = await t.http.get('/api/health').expect(503);
      expect(res.body).toMatchObject({
        statusCode: 503,
        error: 'Service Unavailable',
        details: { postgres: { status: 'up' }, redis: { status: 'down' } },
      });
      expect(res.body.message).toMatch(/^redis: down/);
      expect(res.body.message).not.toMatch(/postgres/);
    });

    it('reports Redis up again once it is back, without a restart of the app', async () => {
      await startRedis();
      const until = Date.now() + 15_000;
      let status = 0;
      while (status !== 200 && Date.now() < until) {
        status = (await t.http.get('/api/health')).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe(200);
    });
  });
});
