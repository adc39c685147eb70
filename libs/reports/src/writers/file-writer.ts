import { createWriteStream, WriteStream } from 'fs';
import { Writable } from 'stream';
import { ReportEvent } from '../content/report-content';

/**
 * A writer of report events into one file (PDF, XLSX): each event is handled as it arrives, and
 * the next is taken only once the file has caught up, so a report costs bounded memory.
 */
export abstract class FileReportWriter extends Writable {
  protected readonly file: WriteStream;

  protected constructor(path: string) {
    super({ objectMode: true });
    this.file = createWriteStream(path);
    this.file.on('error', (error) => this.destroy(error));
  }

  protected abstract handle(event: ReportEvent): void;

  /** Resolves once the file (and whatever fills it) can take more. */
  protected abstract caughtUp(): Promise<void>;

  override _write(event: ReportEvent, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    try {
      this.handle(event);
    } catch (error) {
      done(error as Error);
      return;
    }
    this.caughtUp().then(() => done(), done);
  }
}
