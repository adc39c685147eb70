/** How the benches run the API (built in a child process, or in their own) and the built worker. */
import { ChildProcess, spawn } from 'child_process';
import { existsSync } from 'fs';
import { freePort } from '../test/support/services';
import { listenApi } from './mentoring-fixtures';
import { processCpuMs } from './proc-cpu';

export interface BuiltAppEnv {
  DATABASE_URL: string;
  PORT: number;
  REDIS_PREFIX: string;
}

/** Starts dist/apps/<app>/main.js with the bench's database, port and Redis prefix, logging warnings. */
export function spawnBuiltApp(
  app: 'api' | 'worker',
  env: BuiltAppEnv,
  nodeArgs: string[] = [],
): ChildProcess {
  const main = `dist/apps/${app}/main.js`;
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  return spawn(process.execPath, [...nodeArgs, main], {
    env: { ...process.env, ...env, PORT: String(env.PORT), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** Resolves once the API at `base` answers its health check; fails if it exits or takes 2 minutes. */
export async function waitForHealthyApi(api: ChildProcess, base: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
    const healthy = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the API did not answer /api/health within 2 minutes');
}

/** An API a bench sends requests to, and the CPU it has used so far (ms). */
export interface RunningApi {
  base: string;
  cpuMs: () => number;
  close: () => Promise<void>;
}

/**
 * `built`: `node dist/apps/api/main.js` in a child process, as production runs it, its CPU read
 * from /proc (all its threads). Else the API in this process under ts-node (which also loads
 * Node's `domain` module): a CPU profile can see it, and this process's CPU counts the bench's too.
 * Either way it takes its settings from process.env (benchApiEnv); `nodeArgs` go to the built one.
 */
export async function startApi(
  built: boolean,
  env: Omit<BuiltAppEnv, 'PORT'>,
  nodeArgs: string[] = [],
): Promise<RunningApi> {
  if (!built) {
    const app = await listenApi();
    const cpuMs = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    return { ...app, cpuMs };
  }
  const port = await freePort();
  const api = spawnBuiltApp('api', { ...env, PORT: port }, nodeArgs);
  const base = `http://127.0.0.1:${port}`;
  await waitForHealthyApi(api, base);
  return {
    base,
    cpuMs: () => processCpuMs(api.pid!),
    close: () => stopChild(api),
  };
}

/** Asks a child process to stop (SIGTERM) and resolves once it has exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
