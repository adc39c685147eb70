/** The built API and worker (`npm run build`) run as child processes, for the benches that need them. */
import { ChildProcess, spawn } from 'child_process';
import { existsSync } from 'fs';

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
