import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse';
import { Readable } from 'stream';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService, DomainError, publicFailure } from '@cascade/platform';
import { CompletionCandidate, CompletionIngestService, CompletionOutcome } from '@cascade/cascade';
import { CLAIM_SQL, FINISH_SQL, IMPORT_RUNS, PROGRESS_SQL, REQUESTER_SQL } from '../roster/import-claims.sql';
import { writeRowErrors } from '../roster/import-errors';
import { CSV_OPTIONS } from '../roster/roster-file';
import { describeHeaderProblem, RowError } from '../roster/roster-row';
import {
  COMPLETION_COLUMNS,
  CompletionColumnIndex,
  CompletionRow,
  readCompletionHeader,
  validateCompletionRow,
} from './completion-row';

/** Rows recorded per transaction (the batch endpoint's limit). */
export const COMPLETION_BATCH_SIZE = 500;

export type CompletionsImportResult =
  | { importId: string; status: 'done'; totalRows: number; errorRows: number }
  | { importId: string; status: 'failed'; error: string }
  | { importId: string; skipped: string };

interface Claim {
  id: string;
  runId: string;
  requestedBy: string;
  cohortId: string;
  fileName: string;
  sizeBytes: number;
}

/**
 * The counts of a run so far. Row errors are held only until the next batch writes them
 * (import_errors), as in the roster import: memory stays bounded by the batch.
 */
class Tally {
  totalRows = 0;
  created = 0;
  unchanged = 0;
  /** Rows with at least one error: a row's errors are all reported in the same batch. */
  errorRows = 0;
  pendingErrors: RowError[] = [];

  report(errors: RowError[]): void {
    for (const error of errors) this.pendingErrors.push(error);
  }
}

class LostClaim extends Error {}

/**
 * Runs one completions import: claims it like a roster, streams its file, checks every row, and
 * records valid rows 500 at a time through the same ingest as POST /cohorts/:id/completions/batch —
 * so a completion already stored with the same date and score counts as unchanged (a re-uploaded
 * file changes nothing), and every refusal becomes a row error with its field.
 */
@Injectable()
export class CompletionsImporter {
  private readonly logger = new Logger(CompletionsImporter.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly ingest: CompletionIngestService,
    private readonly audit: AuditService,
  ) {}

  async run(importId: string, lastAttempt: boolean): Promise<CompletionsImportResult> {
    // CLAIM_SQL ends in a SELECT: its answer is the claimed rows themselves.
    const [claim] = (await this.db.query(CLAIM_SQL, [importId])) as Claim[];
    if (!claim) return { importId, skipped: 'not queued (finished, or running elsewhere)' };
    const recorded: string[] = [];
    let programmeId: string | undefined;
    try {
      const [actor] = (await this.db.query(REQUESTER_SQL, [claim.requestedBy])) as Actor[];
      const tally = new Tally();
      const [file] = await this.db.query(`SELECT content FROM import_files WHERE import_id = $1`, [claim.id]);
      if (!file) throw DomainError.invalid(`file: the upload of import ${claim.id} is no longer kept`);
      let pending: CompletionRow[] = [];
      let index: CompletionColumnIndex | undefined;
      const flush = async (progress: number) => {
        const applied = await this.applyBatch(claim, actor, pending, tally, progress);
        recorded.push(...applied.personIds);
        programmeId = applied.programmeId;
        pending = [];
      };
      const parser = Readable.from([file.content as Buffer]).pipe(
        parse({
          ...CSV_OPTIONS,
          skip_records_with_error: true,
          on_skip: (err) => {
            tally.totalRows += 1;
            tally.report([
              { row: Number(err?.lines ?? 0), field: 'row', message: err?.message ?? 'not readable as CSV' },
            ]);
          },
        }),
      );
      for await (const { record, info } of parser as AsyncIterable<{
        record: string[];
        info: { lines: number; bytes: number };
      }>) {
        if (!index) {
          const header = readCompletionHeader(record);
          if (header.problem)
            throw DomainError.invalid(describeHeaderProblem(header.problem, COMPLETION_COLUMNS.join(',')));
          index = header.index;
          continue;
        }
        tally.totalRows += 1;
        const { row, errors } = validateCompletionRow(record, index, info.lines);
        tally.report(errors);
        if (row) pending.push(row);
        if (pending.length >= COMPLETION_BATCH_SIZE)
          await flush(Math.floor((99 * info.bytes) / claim.sizeBytes));
      }
      await flush(99);
      await this.finish(claim, actor, tally);
      return { importId, status: 'done', totalRows: tally.totalRows, errorRows: tally.errorRows };
    } catch (error) {
      if (error instanceof LostClaim) return { importId, skipped: 'taken over by another run' };
      // A file that cannot be used (gone, a bad header) fails at once; retrying cannot help.
      const unusable = error instanceof DomainError;
      if (!unusable) this.logger.error(`import ${importId}: ${(error as Error).stack ?? String(error)}`);
      const message = publicFailure(error);
      const final = lastAttempt || unusable;
      await this.db.query(IMPORT_RUNS.outcomeSql(final), [importId, claim.runId, message]);
      if (final) return { importId, status: 'failed', error: message };
      throw error;
    } finally {
      if (programmeId && recorded.length > 0) await this.ingest.afterCommit(programmeId, recorded);
    }
  }

  /** One transaction: the rows' completions and the import's progress under the same claim. */
  private async applyBatch(
    claim: Claim,
    actor: Actor,
    rows: CompletionRow[],
    tally: Tally,
    progress: number,
  ): Promise<{ programmeId?: string; personIds: string[] }> {
    const applied = await this.db.transaction(async (tx) => {
      const { candidates, errors } = await this.resolvePeople(tx, claim.cohortId, rows);
      const recorded = await this.ingest.record(tx, claim.cohortId, candidates, actor);
      // Each candidate's index is its line in the file.
      for (const outcome of recorded.outcomes) this.count(tally, outcome, outcome.index);
      tally.report(errors);
      const written = tally.pendingErrors;
      const errorRows = tally.errorRows + (await writeRowErrors(tx, claim.id, written));
      const [, owned] = (await tx.query(PROGRESS_SQL, [
        claim.id,
        claim.runId,
        progress,
        tally.totalRows,
        tally.created,
        0,
        tally.unchanged,
        0,
        errorRows,
      ])) as [unknown, number];
      if (owned === 0) throw new LostClaim();
      return { programmeId: recorded.programmeId, personIds: recorded.personIds, errorRows };
    });
    // Counted only once the batch committed: a rolled-back batch leaves its rows to the next run.
    tally.errorRows = applied.errorRows;
    tally.pendingErrors = [];
    return applied;
  }

  /**
   * People by email (any letter case) or id, course codes among the cohort's courses; a row whose
   * person or course cannot be found is reported here. The candidate's index is its line.
   */
  private async resolvePeople(
    tx: EntityManager,
    cohortId: string,
    rows: CompletionRow[],
  ): Promise<{ candidates: CompletionCandidate[]; errors: RowError[] }> {
    const people: Array<{ id: string; email: string }> = await tx.query(
      `SELECT id, lower(email) AS email FROM people WHERE lower(email) = ANY($1::text[]) OR id = ANY($2::uuid[])`,
      [rows.map((r) => r.email).filter(Boolean), rows.map((r) => r.personId).filter(Boolean)],
    );
    const byEmail = new Map(people.map((p) => [p.email, p.id]));
    const known = new Set(people.map((p) => p.id));
    const courses: Array<{ id: string; code: string }> = await tx.query(
      `SELECT co.id, co.code FROM cohorts c JOIN courses co ON co.id = ANY(c.course_ids) WHERE c.id = $1`,
      [cohortId],
    );
    const courseByCode = new Map(courses.map((c) => [c.code.toLowerCase(), c.id]));
    const candidates: CompletionCandidate[] = [];
    const errors: RowError[] = [];
    for (const row of rows) {
      const byMail = row.email ? byEmail.get(row.email) : undefined;
      const personId = row.personId ?? byMail;
      const courseId = courseByCode.get(row.courseCode.toLowerCase());
      if (row.email && !byMail)
        errors.push({ row: row.line, field: 'email', message: `no person has the email '${row.email}'` });
      else if (row.personId && !known.has(row.personId))
        errors.push({ row: row.line, field: 'personId', message: `no person has the id ${row.personId}` });
      else if (row.email && row.personId && byMail !== row.personId)
        errors.push({
          row: row.line,
          field: 'personId',
          message: `'${row.email}' is the email of another person`,
        });
      else if (!courseId)
        errors.push({
          row: row.line,
          field: 'courseCode',
          message: `'${row.courseCode}' is not a course of the cohort`,
        });
      else {
        const { line, completedOn, score, clientRef } = row;
        candidates.push({ index: line, clientRef, personId: personId!, courseId, completedOn, score });
      }
    }
    return { candidates, errors };
  }

  private count(tally: Tally, outcome: CompletionOutcome, line: number): void {
    if (outcome.status === 'created') tally.created += 1;
    else if (outcome.status === 'duplicate') tally.unchanged += 1;
    else {
      const reason = outcome.reason ?? outcome.status;
      const field = /^[A-Za-z]+:/.test(reason) ? reason.slice(0, reason.indexOf(':')) : 'row';
      tally.report([{ row: line, field, message: reason.slice(field.length + 1).trim() || reason }]);
    }
  }

  private async finish(claim: Claim, actor: Actor, tally: Tally): Promise<void> {
    const counts = {
      totalRows: tally.totalRows,
      createdRows: tally.created,
      unchangedRows: tally.unchanged,
      errorRows: tally.errorRows,
    };
    await this.db.transaction(async (tx) => {
      const [, owned] = (await tx.query(FINISH_SQL, [
        claim.id,
        claim.runId,
        counts.totalRows,
        counts.createdRows,
        0,
        counts.unchangedRows,
        0,
        counts.errorRows,
      ])) as [unknown, number];
      if (owned === 0) throw new LostClaim();
      await tx.query(`DELETE FROM import_files WHERE import_id = $1`, [claim.id]);
      await this.audit.record(
        actor,
        {
          action: 'import completions',
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
