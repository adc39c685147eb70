import { startBanner } from './banner';

describe('the start banner', () => {
  const config = {
    PORT: 3000,
    PUBLIC_URL: undefined,
    DEMO: false,
    ADMIN_EMAIL: 'admin@cascade.local',
    ADMIN_PASSWORD: 'cascade-admin',
  };

  it('names the web app, API docs and health URLs under the public address', () => {
    const banner = startBanner({ ...config, PUBLIC_URL: 'https://cascade.example.mn/' });
    expect(banner).toContain('Web app    https://cascade.example.mn/\n');
    expect(banner).toContain('API docs   https://cascade.example.mn/api/docs');
    expect(banner).toContain('Health     https://cascade.example.mn/api/health');
  });

  it('lists the demo logins only in the demo', () => {
    expect(startBanner(config)).not.toContain('cascade-admin');
    const demo = startBanner({ ...config, DEMO: true });
    expect(demo).toContain('http://localhost:3000/api/docs');
    expect(demo).toMatch(/admin +admin@cascade\.local +cascade-admin/);
    for (const email of ['coordinator@cascade.local', 'master@cascade.local', 'viewer@cascade.local'])
      expect(demo).toMatch(new RegExp(`${email.replace(/\./g, '\\.')} +cascade-demo`));
  });
});
