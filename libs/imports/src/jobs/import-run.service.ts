import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CsvError, parse } from 'csv-parse';
import { Readable } from 'stream';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService, execute, publicFailure, queryRows } from '@cascade/platform';
import { CLAIM_SQL, FINISH_SQL, IMPORT_RUNS, PROGRESS_SQL, REQUESTER_SQL } from '../roster/import-claims.sql';
import { writeRowErrors } from '../roster/import-errors';
import { CSV_OPTIONS } from '../roster/roster-file';
import { RowError } from '../roster/roster-row';

/** The import a run holds, as its claim answers it. */
export interface ImportClaim {
  id: string;
  runId: string;
  requestedBy: string;
  cohortId: string | null;
  fileName: string;
  sizeBytes: number;
}

export type ImportResult =
  | { importId: string; status: 'done'; totalRows: number; errorRows: number }
  | { importId: string; status: 'failed'; error: string }
  | { importId: string; skipped: string };

/** Retrying cannot help (the file is gone, its header is wrong): the import fails at once. */
export class UnusableFile extends Error {}

/** Another run took the import over (this one stalled past the heartbeat): stop without writing. */
class LostClaim extends Error {}

/**
 * The counts of a run so far. Row errors are held only until the next batch writes them
 * (import_errors): memory stays bounded by the batch, whatever the file holds.
 */
export class ImportTally {
  totalRows = 0;
  created = 0;
  updated = 0;
  unchanged = 0;
  enrolled = 0;
  /** Rows with at least one error: a row's errors are all reported in the same batch. */
  errorRows = 0;
  pendingErrors: RowError[] = [];

  report(errors: RowError[]): void {
    for (const error of errors) this.pendingErrors.push(error);
  }
}

/** A parsed record of a CSV, with where it ends in the file. */
export interface CsvRecord {
  record: string[];
  info: { lines: number; bytes: number };
}

/**
 * What every kind of import does around its rows: claim the import, act as its requester, read
 * its file, write each batch's row errors and progress under the claim, and finish with the
 * counts and the audit event — or mark it failed or released for a retry. The importer reads
 * and applies the rows.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Safe to run twice: a second run finds the import claimed or finished, or (after a crash)
   * the importer re-applies the file, which changes nothing already applied.
   */
  async run(
    importId: string,
    lastAttempt: boolean,
    action: string,
    apply: (claim: ImportClaim, actor: Actor, content: Buffer) => Promise<ImportTally>,
  ): Promise<ImportResult> {
    // CLAIM_SQL ends in a SELECT: its answer is the claimed rows themselves.
    const [claim] = await queryRows<ImportClaim>(this.db, CLAIM_SQL, [importId]);
    if (!claim) return { importId, skipped: 'not queued (finished, or running elsewhere)' };
    try {
      const [actor] = await queryRows<Actor>(this.db, REQUESTER_SQL, [claim.requestedBy]);
      const [file] = await queryRows<{ content: Buffer }>(
        this.db,
        `SELECT content FROM import_files WHERE import_id = $1`,
        [claim.id],
      );
      if (!file) throw new UnusableFile(`file: the upload of import ${claim.id} is no longer kept`);
      const tally = await apply(claim, actor, file.content);
      await this.finish(claim, actor, tally, action);
      return { importId, status: 'done', totalRows: tally.totalRows, errorRows: tally.errorRows };
    } catch (error) {
      if (error instanceof LostClaim) return { importId, skipped: 'taken over by another run' };
      if (error instanceof UnusableFile) {
        await execute(this.db, IMPORT_RUNS.failSql, [importId, claim.runId, error.message]);
        return { importId, status: 'failed', error: error.message };
      }
      this.logger.error(`import ${importId}: ${(error as Error).stack ?? String(error)}`);
      // A retry must be able to claim it again; the last attempt leaves it failed, its file kept.
      await execute(this.db, IMPORT_RUNS.outcomeSql(lastAttempt), [
        importId,
        claim.runId,
        publicFailure(error),
      ]);
      throw error;
    }
  }

  /** The file's records, streamed; a record the parser cannot read goes to onSkip and is passed over. */
  records(
    content: Buffer,
    onSkip: (error: CsvError | undefined) => void,
    onRecord?: (info: { lines: number }) => void,
  ): AsyncIterable<CsvRecord> {
    return Readable.from([content]).pipe(
      parse({
        ...CSV_OPTIONS,
        skip_records_with_error: true,
        // Parse time, ahead of the importer's loop.
        on_record: (record, info) => {
          onRecord?.(info);
          return record;
        },
        on_skip: (err) => {
          onSkip(err);
        },
      }),
    ) as AsyncIterable<CsvRecord>;
  }

  /**
   * In the batch's transaction: the row errors reported so far and the counts with `applied`
   * added, under the claim (LostClaim when another run holds it). Answers the rows with errors.
   */
  async writeBatch(
    tx: EntityManager,
    claim: ImportClaim,
    tally: ImportTally,
    applied: Pick<ImportTally, 'created' | 'updated' | 'unchanged' | 'enrolled'>,
    progress: number,
  ): Promise<number> {
    const errorRows = tally.errorRows + (await writeRowErrors(tx, claim.id, tally.pendingErrors));
    const { affected: owned } = await execute(tx, PROGRESS_SQL, [
      claim.id,
      claim.runId,
      progress,
      tally.totalRows,
      tally.created + applied.created,
      tally.updated + applied.updated,
      tally.unchanged + applied.unchanged,
      tally.enrolled + applied.enrolled,
      errorRows,
    ]);
    if (owned === 0) throw new LostClaim();
    return errorRows;
  }

  /** Final status, counts and the audit event commit together; the file goes with them. */
  private async finish(claim: ImportClaim, actor: Actor, tally: ImportTally, action: string): Promise<void> {
    const counts = {
      totalRows: tally.totalRows,
      createdRows: tally.created,
      updatedRows: tally.updated,
      unchangedRows: tally.unchanged,
      enrolledRows: tally.enrolled,
      errorRows: tally.errorRows,
    };
    await this.db.transaction(async (tx) => {
      const { affected: owned } = await execute(tx, FINISH_SQL, [
        claim.id,
        claim.runId,
        ...Object.values(counts),
      ]);
      if (owned === 0) throw new LostClaim();
      await execute(tx, `DELETE FROM import_files WHERE import_id = $1`, [claim.id]);
      await this.audit.record(
        actor,
        {
          action,
          entity: 'imports',
          entityId: claim.id,
          changes: { fileName: claim.fileName, cohortId: claim.cohortId, ...counts },
        },
        tx,
      );
    });
    this.logger.log(`import ${claim.id}: ${counts.totalRows} rows, ${counts.errorRows} with errors`);
  }
}
