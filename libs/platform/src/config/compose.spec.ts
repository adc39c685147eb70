import { readFileSync } from 'fs';
import { join } from 'path';

/** docker-compose runs production: it must not fall back to a secret or admin password anyone knows. */
describe('docker-compose.yml', () => {
  const compose = readFileSync(join(__dirname, '../../../../docker-compose.yml'), 'utf8');
  const setting = (name: string) => compose.match(new RegExp(`^\\s*${name}:\\s*(.+)$`, 'm'))?.[1];

  it('runs production and requires JWT_SECRET and ADMIN_PASSWORD instead of falling back to defaults', () => {
    expect(setting('NODE_ENV')).toBe('production');
    expect(setting('JWT_SECRET')).toMatch(/^\$\{JWT_SECRET:\?/);
    expect(setting('ADMIN_PASSWORD')).toMatch(/^\$\{ADMIN_PASSWORD:\?/);
  });
});
