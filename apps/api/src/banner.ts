import { CascadeConfig, DEMO_LOGINS, DEMO_PASSWORD } from '@cascade/platform';

/** The lines printed once the API listens: where to go, and in the demo, who to log in as. */
export function startBanner(
  config: Pick<CascadeConfig, 'PORT' | 'PUBLIC_URL' | 'DEMO' | 'ADMIN_EMAIL' | 'ADMIN_PASSWORD'>,
): string {
  const base = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
  const lines = [
    'Cascade is running',
    `  Web app    ${base}/`,
    `  API docs   ${base}/api/docs`,
    `  Health     ${base}/api/health`,
  ];
  if (config.DEMO) {
    const logins = [{ role: 'admin', email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD }].concat(
      DEMO_LOGINS.map((l) => ({ ...l, password: DEMO_PASSWORD })),
    );
    const width = Math.max(...logins.map((l) => l.email.length));
    lines.push('  Demo logins:');
    for (const l of logins) lines.push(`    ${l.role.padEnd(15)}${l.email.padEnd(width + 2)}${l.password}`);
    lines.push('  Stop with Ctrl-C.');
  }
  const rule = '─'.repeat(Math.max(...lines.map((l) => l.length)) + 2);
  return [rule, ...lines.map((l) => ` ${l}`), rule, ''].join('\n');
}
