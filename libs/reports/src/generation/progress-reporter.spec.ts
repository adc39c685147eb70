import { ProgressReporter } from './progress-reporter';

describe('report progress', () => {
  it('reports progress every 5 % (at least 5,000 rows apart), never 100 before the end', async () => {
    const reported: number[] = [];
    const progress = new ProgressReporter(200_000, async (percent) => {
      reported.push(percent);
    });
    for (let i = 0; i < 200; i++) await progress.rowsWritten(1000);
    expect(reported).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 99]);
    expect(progress.rows).toBe(200_000);
  });

  it('reports once for a batch that crosses several steps, and counts every row', async () => {
    const reported: number[] = [];
    const progress = new ProgressReporter(100_000, async (percent) => {
      reported.push(percent);
    });
    await progress.rowsWritten(4_999);
    await progress.rowsWritten(12_001);
    await progress.rowsWritten(1);
    expect(reported).toEqual([17]);
    expect(progress.rows).toBe(17_001);
  });
});
