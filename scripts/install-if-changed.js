#!/usr/bin/env node
// The demo's first step: `npm ci` only when package-lock.json changed since the last install
// made here (a hash kept in node_modules), so a second `npm run demo` starts in seconds.
// Plain Node with no dependency: it runs before anything is installed.
const { createHash } = require('crypto');
const { execSync } = require('child_process');
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('fs');
const { join } = require('path');

const root = join(__dirname, '..');
const stamp = join(root, 'node_modules', '.cascade-lock-hash');
const hash = createHash('sha256')
  .update(readFileSync(join(root, 'package-lock.json')))
  .digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) {
  process.stdout.write('dependencies: package-lock.json unchanged, install skipped\n');
} else {
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  writeFileSync(stamp, `${hash}\n`);
}
