import { execFile } from 'child_process';
import { createHash } from 'crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { onServer, scratchDatabaseUrl } from './support/database';

const run = promisify(execFile);
const root = join(__dirname, '..');

const scratchUrl = scratchDatabaseUrl('demo_migrate');

describe('the demo command (npm run demo)', () => {
  describe('npm run migration:run', () => {
    const name = new URL(scratchUrl).pathname.slice(1);
    beforeAll(() => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    afterAll(() => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

    it('creates the database and says so in one line per run, with no SQL', async () => {
      const migrate = () =>
        run('npm', ['run', '--silent', 'migration:run'], {
          cwd: root,
          env: { ...process.env, DATABASE_URL: scratchUrl, NODE_ENV: 'development' },
        });
      const first = await migrate();
      expect(first.stdout.trim().split('\n')).toEqual([
        expect.stringMatching(/^created database .+: \d+ migration\(s\) applied \(.+\)$/),
      ]);
      expect(first.stdout + first.stderr).not.toMatch(/CREATE TABLE|ALTER TABLE|query:|SELECT /i);
      const again = await migrate();
      expect(again.stdout.trim()).toMatch(/^database .+: migrations up to date$/);
    });
  });

  describe('scripts/install-if-changed.js', () => {
    let dir: string;
    const lock = JSON.stringify({
      name: 'demo-install',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: { '': { name: 'demo-install', version: '1.0.0' } },
    });
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'cascade-install-'));
      mkdirSync(join(dir, 'scripts'));
      copyFileSync(join(root, 'scripts/install-if-changed.js'), join(dir, 'scripts/install-if-changed.js'));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'demo-install', version: '1.0.0' }));
      writeFileSync(join(dir, 'package-lock.json'), lock);
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const install = () => run('node', ['scripts/install-if-changed.js'], { cwd: dir });
    const stamp = () => join(dir, 'node_modules', '.cascade-lock-hash');

    it('installs when the lock file is new to this checkout, then skips while it is unchanged', async () => {
      expect((await install()).stdout).not.toMatch(/install skipped/);
      expect(readFileSync(stamp(), 'utf8').trim()).toBe(createHash('sha256').update(lock).digest('hex'));
      expect((await install()).stdout).toMatch(/package-lock\.json unchanged, install skipped/);
    });

    it('installs again once the lock file changed', async () => {
      await install();
      writeFileSync(join(dir, 'package-lock.json'), lock.replace('"1.0.0"', '"1.0.1"'));
      expect((await install()).stdout).not.toMatch(/install skipped/);
      expect(existsSync(stamp())).toBe(true);
    });
  });
});
