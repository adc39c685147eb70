import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse';
import { Readable } from 'stream';
import { DataSource } from 'typeorm';
import { Actor, AuditService, publicFailure } from '@cascade/platform';
import { BatchOutcome, RosterBatch, RosterRun } from './roster-batch.service';
import { CSV_OPTIONS } from './roster-file';
import {
  ColumnIndex,
  describeHeaderProblem,
  readHeader,
  RosterRow,
  RowError,
  validateRow,
} from './roster-row';
import { CLAIM_SQL, FINISH_SQL, IMPORT_RUNS, PROGRESS_SQL, REQUESTER_SQL } from './import-claims.sql';
import { writeRowErrors } from './import-errors';

/** Rows applied per transaction. */
export const BATCH_SIZE = 1000;

export type RosterResult =
  | { importId: string; status: 'done'; totalRows: number; errorRows: number }
  | { importId: string; status: 'failed'; error: string }
  | { importId: string; skipped: string };

interface Claim {
  id: string;
  runId: string;
  requestedBy: string;
  cohortId: string | null;
  fileName: string;
  sizeBytes: number;
}

/**
 * The counts of a run so far. Row errors are held only until the next batch writes them
 * (import_errors): memory stays bounded by the batch, whatever the file holds.
 */
class Tally {
  totalRows = 0;
  created = 0;
  updated = 0;
  unchanged = 0;
  enrolled = 0;
  /** Rows with at least one error: a row may have several, all reported in its batch. */
  errorRows = 0;
  pendingErrors: RowError[] = [];

  report(errors: RowError[]): void {
    for (const error of errors) this.pendingErrors.push(error);
  }
}

/** Another run took the import over (this one stalled past the heartbeat): stop without writing. */
class LostClaim extends Error {}

/** Retrying cannot help: the import fails at once. */
class UnusableFile extends Error {}

/**
 * Runs one roster import: claims it, streams its file through csv-parse, validates every row,
 * applies valid rows one transaction per batch, and writes the final status, counts and error
 * report in one transaction. Safe to run twice: a second run finds the import claimed or
 * finished, or (after a crash) re-applies the file, which changes nothing already applied.
 */
@Injectable()
export class RosterImporter {
  private readonly logger = new Logger(RosterImporter.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly batch: RosterBatch,
    private readonly audit: AuditService,
  ) {}

  async run(importId: string, lastAttempt: boolean): Promise<RosterResult> {
    const [claim] = (await this.db.query(CLAIM_SQL, [importId])) as Claim[];
    if (!claim) return { importId, skipped: 'not queued (finished, or running elsewhere)' };
    try {
      const actor = await this.requester(claim.requestedBy);
      const tally = await this.readAndApply(claim, actor);
      await this.finish(claim, actor, tally);
      return { importId, status: 'done', totalRows: tally.totalRows, errorRows: tally.errorRows };
    } catch (error) {
      if (error instanceof LostClaim) return { importId, skipped: 'taken over by another run' };
      if (error instanceof UnusableFile) {
        await this.db.query(IMPORT_RUNS.failSql, [importId, claim.runId, error.message]);
        return { importId, status: 'failed', error: error.message };
      }
      this.logger.error(`import ${importId}: ${(error as Error).stack ?? String(error)}`);
      const message = publicFailure(error);
      // A retry must be able to claim it again; the last attempt leaves it failed, its file kept.
      await this.db.query(IMPORT_RUNS.outcomeSql(lastAttempt), [importId, claim.runId, message]);
      throw error;
    }
  }

  private async readAndApply(claim: Claim, actor: Actor): Promise<Tally> {
    const [file] = await this.db.query(`SELECT content FROM import_files WHERE import_id = $1`, [claim.id]);
    if (!file) throw new UnusableFile(`file: the upload of import ${claim.id} is no longer kept`);
    const run: RosterRun = {
      cohortId: claim.cohortId,
      mayUpdatePeople: actor.role === 'admin' || actor.role === 'coordinator',
      institutions: new Map(),
    };
    const tally = new Tally();
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

    const parser = Readable.from([file.content as Buffer]).pipe(
      parse({
        ...CSV_OPTIONS,
        skip_records_with_error: true,
        // Parse time, ahead of the loop below: where the last readable record ended.
        on_record: (record, info) => {
          lastLine = info.lines;
          return record;
        },
        on_skip: (err) => {
          unreadable(err);
        },
      }),
    );
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: string[];
        info: { lines: number; bytes: number };
      }>) {
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
    claim: Claim,
    run: RosterRun,
    rows: RosterRow[],
    tally: Tally,
    progress: number,
  ): Promise<void> {
    const { applied, errorRows } = await this.db.transaction(async (tx) => {
      const applied: BatchOutcome = await this.batch.apply(tx, rows, run);
      const errors = [...tally.pendingErrors, ...applied.errors];
      const errorRows = tally.errorRows + (await writeRowErrors(tx, claim.id, errors));
      const [, owned] = (await tx.query(PROGRESS_SQL, [
        claim.id,
        claim.runId,
        progress,
        tally.totalRows,
        tally.created + applied.created,
        tally.updated + applied.updated,
        tally.unchanged + applied.unchanged,
        tally.enrolled + applied.enrolled,
        errorRows,
      ])) as [unknown, number];
      if (owned === 0) throw new LostClaim();
      return { applied, errorRows };
    });
    tally.created += applied.created;
    tally.updated += applied.updated;
    tally.unchanged += applied.unchanged;
    tally.enrolled += applied.enrolled;
    tally.errorRows = errorRows;
    tally.pendingErrors = [];
  }

  /** Final status, counts and the audit event commit together; the file goes with them. */
  private async finish(claim: Claim, actor: Actor, tally: Tally): Promise<void> {
    const counts = {
      totalRows: tally.totalRows,
      createdRows: tally.created,
      updatedRows: tally.updated,
      unchangedRows: tally.unchanged,
      enrolledRows: tally.enrolled,
      errorRows: tally.errorRows,
    };
    await this.db.transaction(async (tx) => {
      const [, owned] = (await tx.query(FINISH_SQL, [
        claim.id,
        claim.runId,
        counts.totalRows,
        counts.createdRows,
        counts.updatedRows,
        counts.unchangedRows,
        counts.enrolledRows,
        counts.errorRows,
      ])) as [unknown, number];
      if (owned === 0) throw new LostClaim();
      await tx.query(`DELETE FROM import_files WHERE import_id = $1`, [claim.id]);
      await this.audit.record(
        actor,
        {
          action: 'import roster',
          entity: 'imports',
          entityId: claim.id,
          changes: { fileName: claim.fileName, cohortId: claim.cohortId, ...counts },
        },
        tx,
      );
    });
    this.logger.log(`import ${claim.id}: ${counts.totalRows} rows, ${counts.errorRows} with errors`);
  }

  private async requester(userId: string): Promise<Actor> {
    const [user] = await this.db.query(REQUESTER_SQL, [userId]);
    return user as Actor;
  }
}
