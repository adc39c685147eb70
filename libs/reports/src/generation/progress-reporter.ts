/** Reports progress every few percent or every ROWS_PER_REPORT rows, whichever comes later: never per row. */
const ROWS_PER_REPORT = 5000;
const MIN_STEP_PERCENT = 5;

export class ProgressReporter {
  rows = 0;
  private reported = 0;
  private nextAt: number;

  constructor(
    private readonly expectedRows: number,
    private readonly report: (percent: number) => Promise<void>,
  ) {
    this.nextAt = this.step();
  }

  async rowsWritten(count: number): Promise<void> {
    this.rows += count;
    if (this.rows < this.nextAt) return;
    this.nextAt = this.rows + this.step();
    // 99 at most: 100 is written with the final status, in one transaction.
    const percent = Math.min(99, Math.floor((this.rows / Math.max(this.expectedRows, 1)) * 100));
    if (percent > this.reported) {
      this.reported = percent;
      await this.report(percent);
    }
  }

  private step(): number {
    return Math.max(ROWS_PER_REPORT, Math.ceil((this.expectedRows * MIN_STEP_PERCENT) / 100));
  }
}
