import { existsSync } from 'fs';
import { join } from 'path';
import { initialBundle } from '../../apps/web/scripts/bundle-size';
import { WEB_ROOT } from '../../apps/api/src/web-app';
import { createTestApp, TestApp } from '../support/app';

describe('the API serves the web app at / without shadowing /api', () => {
  let t: TestApp;
  beforeAll(async () => {
    if (!existsSync(join(WEB_ROOT, 'index.html')))
      throw new Error('run `npm run build:web` first (npm test does)');
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('answers / and any page address of the app with its index.html', async () => {
    for (const path of ['/', '/dashboard', '/programmes/3f1c2b9e-0000-4000-8000-000000000000']) {
      const res = await t.http.get(path).set('Accept', 'text/html').expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('<div id="root"></div>');
    }
  });

  it('serves the built scripts themselves', async () => {
    const [entry] = initialBundle(WEB_ROOT).files;
    const res = await t.http.get(`/${entry}`).expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('leaves unknown /api addresses to the API: a JSON 404, never the page', async () => {
    for (const path of ['/api/v1/no-such-thing', '/api/nothing', '/api']) {
      const res = await t.http.get(path).set('Accept', 'text/html').expect(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
    }
    await t.http.get('/api/health').expect((res) => expect(res.headers['content-type']).toMatch(/json/));
    // did:web's document lives at the root too: never the page.
    const did = await t.http.get('/.well-known/did.json').set('Accept', '*/*');
    expect(did.headers['content-type']).toMatch(/json/);
  });

  it('keeps the OpenAPI documentation where it was', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
  });

  it('keeps the initial JavaScript of the app at or under 300 KB gzipped', () => {
    const { files, gzippedBytes } = initialBundle(WEB_ROOT);
    expect(files.length).toBeGreaterThan(0);
    expect(gzippedBytes).toBeLessThanOrEqual(300 * 1024);
  });
});
