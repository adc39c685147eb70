import { execFile } from 'child_process';
import { promisify } from 'util';

describe('the web app’s generated API types', () => {
  it('match the OpenAPI document the API builds now (else run `npm run web:schema`)', async () => {
    const run = promisify(execFile)(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'apps/web/scripts/api-schema.ts',
        '--check',
      ],
      { cwd: `${__dirname}/../../..` },
    );
    await expect(run).resolves.toBeDefined();
  }, 300_000); // builds the whole Nest app and the types in a child process: slow on a busy machine
});
