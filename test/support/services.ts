import { ChildProcess, execFile, execFileSync, spawn } from 'child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import Redis from 'ioredis';
import { AddressInfo, connect, createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { waitFor } from './wait';

/**
 * Throw-away PostgreSQL and Redis servers for the tests that stop, flush and kill them: each on a
 * free port, in a temporary directory, stopped and removed even when the test fails (and when
 * the test process exits without its afterAll).
 */

const run = promisify(execFile);

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One PING over a plain socket (an ioredis client that was refused leaves a timer behind). */
export function pingRedis(port: number): Promise<boolean> {
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

const cleanups = new Set<() => void>();
process.once('exit', () => cleanups.forEach((cleanup) => cleanup()));

/** A redis-server of the test's own, without persistence: a restart loses everything. */
export class RedisServer {
  private process?: ChildProcess;

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    this.process = child;
    const kill = () => child.kill('SIGKILL');
    cleanups.add(kill);
    child.once('exit', () => cleanups.delete(kill));
    await waitFor(`redis-server on port ${this.port}`, () => pingRedis(this.port), 10_000, 50);
  }

  /** Stops the server (its data goes with it) and waits until it is gone. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async flushAll(): Promise<void> {
    const client = new Redis(this.url, { maxRetriesPerRequest: 1 });
    try {
      await client.flushall();
    } finally {
      client.disconnect();
    }
  }
}

const PG_BIN = (() => {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  return `/usr/lib/postgresql/${versions[0]}/bin`;
})();

/** As root, PostgreSQL's binaries must run as the postgres user. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', `${PG_BIN}/${command}`, ...args]]
    : [`${PG_BIN}/${command}`, args];
}

/** A PostgreSQL cluster of the test's own (initdb in a temp directory, trust, no fsync). */
export class PostgresServer {
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<PostgresServer> {
    const dir = mkdtempSync(join(tmpdir(), 'cascade-pg-'));
    const server = new PostgresServer(await freePort(), dir);
    cleanups.add(server.removeSync);
    if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'])), 0);
    await run(...asPostgres('initdb', ['-D', server.data, '-U', 'postgres', '-A', 'trust', '--no-sync']));
    await server.start();
    return server;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/cascade`;
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
    await run(
      ...asPostgres('pg_ctl', ['-D', this.data, '-l', join(this.dir, 'log'), '-o', options, '-w', 'start']),
    );
  }

  /** A fast shutdown: open connections are ended, as in a restart or a failover. */
  async stop(): Promise<void> {
    await run(...asPostgres('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', 'stop']));
  }

  async remove(): Promise<void> {
    this.removeSync();
  }

  private readonly removeSync = (): void => {
    cleanups.delete(this.removeSync);
    try {
      execFileSync(...asPostgres('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']), {
        stdio: 'ignore',
      });
    } catch {
      // Not running.
    }
    rmSync(this.dir, { recursive: true, force: true });
  };
}

/** The real worker (apps/worker/src/main.ts) as a process of its own, to be killed with -9. */
export class WorkerProcess {
  readonly lines: string[] = [];
  private exited: Promise<unknown>;

  private constructor(private readonly child: ChildProcess) {
    let partial = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString();
      const lines = text.split('\n');
      partial = lines.pop()!;
      this.lines.push(...lines.filter((line) => line.length > 0));
    });
    child.stderr!.on('data', (chunk: Buffer) =>
      this.lines.push(...chunk.toString().split('\n').filter(Boolean)),
    );
    const kill = () => child.kill('SIGKILL');
    cleanups.add(kill);
    this.exited = new Promise((resolve) => child.once('exit', resolve)).finally(() => {
      cleanups.delete(kill);
      this.keepLog();
    });
  }

  /** Starts a worker with the test's environment and `env` on top (transpiled by swc: quick). */
  static start(env: Record<string, string>): WorkerProcess {
    const child = spawn(
      process.execPath,
      ['-r', './test/support/swc-register.js', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'],
      {
        cwd: join(__dirname, '..', '..'),
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return new WorkerProcess(child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** FAULTS_LOG_DIR=dir keeps every worker's log lines there, to see what a failed fault test saw. */
  keepLog(): void {
    const dir = process.env.FAULTS_LOG_DIR;
    if (dir) writeFileSync(join(dir, `worker-${this.pid}.log`), this.lines.join('\n'));
  }

  /** kill -9: no shutdown hook runs, locks and claims are left as they were. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM: the graceful shutdown. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await this.exited;
  }
}
