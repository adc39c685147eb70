import { createRequire } from 'module';
import { dirname, join } from 'path';

/**
 * DejaVu covers Cyrillic (Mongolian's Ө and Ү too) and ships with the dejavu-fonts-ttf npm
 * package: nothing is downloaded at run time. Resolved from this file's own place (the source in
 * tests, dist/apps/<app>/main.js when bundled — webpack keeps __filename real and leaves
 * createRequire alone), so reports and certificates find it from any working directory.
 */
export function fontFile(name: string): string {
  const packageJson = createRequire(__filename).resolve('dejavu-fonts-ttf/package.json');
  return join(dirname(packageJson), 'ttf', name);
}

export const DEJAVU = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };
