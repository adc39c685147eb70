/** The JavaScript a first visit downloads: index.html's entry script and the modules it preloads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialBundle {
  files: string[];
  gzippedBytes: number;
}

export function initialBundle(root: string): InitialBundle {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
  ].map((match) => match[1]);
  const gzippedBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(root, file))).length, 0);
  return { files, gzippedBytes };
}

if (require.main === module) {
  const { files, gzippedBytes } = initialBundle(join(__dirname, '../../../dist/web'));
  process.stdout.write(
    `initial JavaScript: ${(gzippedBytes / 1024).toFixed(1)} KB gzipped (${files.join(', ')})\n`,
  );
}
