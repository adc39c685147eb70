/**
 * The JavaScript a first visit downloads: the entry (index.html's script), the app it always
 * imports (src/app/start.tsx, imported dynamically so that the entry can start a page's reads
 * first) and every module those two import statically, from Vite's build manifest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialBundle {
  files: string[];
  gzippedBytes: number;
}

interface ManifestChunk {
  file: string;
  imports?: string[];
}

const ALWAYS_LOADED = ['index.html', 'src/app/start.tsx'];

export function initialBundle(root: string): InitialBundle {
  const manifest = JSON.parse(readFileSync(join(root, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build's manifest`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  ALWAYS_LOADED.forEach(visit);
  const gzippedBytes = [...files].reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(root, file))).length,
    0,
  );
  return { files: [...files], gzippedBytes };
}

if (require.main === module) {
  const { files, gzippedBytes } = initialBundle(join(__dirname, '../../../dist/web'));
  process.stdout.write(
    `initial JavaScript: ${(gzippedBytes / 1024).toFixed(1)} KB gzipped (${files.join(', ')})\n`,
  );
}
