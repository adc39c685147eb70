import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '@cascade/platform';
import {
  ImportClaim,
  ImportResult,
  ImportRunner,
  ImportTally,
  UnusableFile,
} from '../jobs/import-run.service';
import { RosterBatch, RosterRun } from './roster-batch.service';
import { ColumnIndex, describeHeaderProblem, readHeader, RosterRow, validateRow } from './roster-row';

/** Rows applied per transaction. */
export const BATCH_SIZE = 1000;

export type RosterResult = ImportResult;

/**
 * Runs one roster import (ImportRunner claims it, reads its file and finishes it): streams the
 * file through csv-parse, validates every row, and applies valid rows one transaction per batch.
 */
@Injectable()
export class RosterImporter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runner: ImportRunner,
    private readonly batch: RosterBatch,
  ) {}

  run(importId: string, lastAttempt: boolean): Promise<RosterResult> {
    return this.runner.run(importId, lastAttempt, 'import roster', (claim, actor, content) =>
      this.readAndApply(claim, actor, content),
    );
  }

  private async readAndApply(claim: ImportClaim, actor: Actor, content: Buffer): Promise<ImportTally> {
    const run: RosterRun = {
      cohortId: claim.cohortId,
      mayUpdatePeople: actor.role === 'admin' || actor.role === 'coordinator',
      institutions: new Map(),
    };
    const tally = new ImportTally();
    const firstLine = new Map<string, number>();
    let pending: RosterRow[] = [];
    let readSinceBatch = 0;
    let lastLine = 1;
    let index: ColumnIndex | undefined;
    /** A record the parser could not read becomes a row error, counted as a row read. */
    const unreadable = (error: unknown) => {
      const { code, lines, message } = (error ?? {}) as { code?: string; lines?: number; message?: string };
      const quote = code === 'CSV_QUOTE_NOT_CLOSED';
      tally.totalRows += 1;
      tally.report([
        {
          // The parser names the end of the file; the row that opened the quote is the one after the last read.
          row: quote ? lastLine + 1 : Number(lines ?? lastLine + 1),
          field: 'row',
          message: quote
            ? 'opens a quote that is never closed: this row and the rest of the file could not be read'
            : (message ?? 'not readable as CSV'),
        },
      ]);
    };

    // Where the last readable record ended, known at parse time, ahead of the loop below.
    const records = this.runner.records(content, unreadable, (info) => (lastLine = info.lines));
    try {
      for await (const { record, info } of records) {
        if (!index) {
          const header = readHeader(record);
          if (header.problem) throw new UnusableFile(describeHeaderProblem(header.problem));
          index = header.index;
          continue;
        }
        tally.totalRows += 1;
        readSinceBatch += 1;
        const { row, errors } = validateRow(record, index, info.lines);
        tally.report(errors);
        const seenAt = row && firstLine.get(row.emailKey);
        if (row && seenAt !== undefined) {
          tally.report([
            { row: row.line, field: 'email', message: `'${row.email}' repeats row ${seenAt} of this file` },
          ]);
        } else if (row) {
          firstLine.set(row.emailKey, row.line);
          pending.push(row);
        }
        // Every 1,000 rows read, valid or not: the batch is bounded and the run's heartbeat keeps beating.
        if (readSinceBatch >= BATCH_SIZE) {
          await this.applyBatch(claim, run, pending, tally, Math.floor((99 * info.bytes) / claim.sizeBytes));
          pending = [];
          readSinceBatch = 0;
        }
      }
    } catch (error) {
      // A parse error that ends the file's readable part: report it, keep what came before.
      if ((error as { code?: string }).code?.startsWith('CSV_') !== true) throw error;
      unreadable(error);
    }
    await this.applyBatch(claim, run, pending, tally, 99);
    return tally;
  }

  /** One transaction: the batch, its row errors and the import's progress under the same claim. */
  private async applyBatch(
    claim: ImportClaim,
    run: RosterRun,
    rows: RosterRow[],
    tally: ImportTally,
    progress: number,
  ): Promise<void> {
    const { applied, errorRows } = await this.db.transaction(async (tx) => {
      const applied = await this.batch.apply(tx, rows, run);
      tally.report(applied.errors);
      return { applied, errorRows: await this.runner.writeBatch(tx, claim, tally, applied, progress) };
    });
    tally.created += applied.created;
    tally.updated += applied.updated;
    tally.unchanged += applied.unchanged;
    tally.enrolled += applied.enrolled;
    tally.errorRows = errorRows;
    tally.pendingErrors = [];
  }
}
