import { randomUUID } from 'crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { removeDeadRunFiles, runFile, runOfFile } from './run-files';

describe('report run files', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'run-files-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names a temp file after its request and run, and reads them back', () => {
    const [report, run] = [randomUUID(), randomUUID()];
    expect(runOfFile(basename(runFile(dir, report, run)))).toBe(`${report}.${run}`);
    expect(runOfFile(`${report}.csv`)).toBeUndefined();
  });

  it("removes the files of dead runs only, and only the request's own when asked", async () => {
    const [report, other, live, dead, deadOther] = Array.from({ length: 5 }, () => randomUUID());
    const files = [runFile(dir, report, live), runFile(dir, report, dead), runFile(dir, other, deadOther)];
    for (const file of [...files, join(dir, `${report}.csv`)]) writeFileSync(file, 'x');

    await expect(removeDeadRunFiles(dir, async () => new Set([`${report}.${live}`]), report)).resolves.toBe(
      1,
    );
    expect(readdirSync(dir).sort()).toEqual([basename(files[0]), basename(files[2]), `${report}.csv`].sort());
    await expect(removeDeadRunFiles(dir, async () => new Set([`${report}.${live}`]))).resolves.toBe(1);
    expect(readdirSync(dir).sort()).toEqual([basename(files[0]), `${report}.csv`].sort());
  });
});
