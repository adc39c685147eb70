import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, queryRows } from '@cascade/platform';
import { CompletionCandidate, CompletionIngestService, CompletionOutcome } from '@cascade/cascade';
import { PeopleService } from '@cascade/reference';
import {
  ImportClaim,
  ImportResult,
  ImportRunner,
  ImportTally,
  UnusableFile,
} from '../jobs/import-run.service';
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

export type CompletionsImportResult = ImportResult;

/** A completions import always names its cohort (the upload requires it). */
type CompletionsClaim = ImportClaim & { cohortId: string };

/**
 * Runs one completions import (ImportRunner claims it, reads its file and finishes it): checks
 * every row, and records valid rows 500 at a time through the same ingest as
 * POST /cohorts/:id/completions/batch — so a completion already stored with the same date and
 * score counts as unchanged (a re-uploaded file changes nothing), and every refusal becomes a
 * row error with its field.
 */
@Injectable()
export class CompletionsImporter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runner: ImportRunner,
    private readonly ingest: CompletionIngestService,
    private readonly people: PeopleService,
  ) {}

  run(importId: string, lastAttempt: boolean): Promise<CompletionsImportResult> {
    return this.runner.run(importId, lastAttempt, 'import completions', (claim, actor, content) =>
      this.readAndApply(claim as CompletionsClaim, actor, content),
    );
  }

  private async readAndApply(claim: CompletionsClaim, actor: Actor, content: Buffer): Promise<ImportTally> {
    const tally = new ImportTally();
    const recorded: string[] = [];
    let programmeId: string | undefined;
    let pending: CompletionRow[] = [];
    let index: CompletionColumnIndex | undefined;
    const flush = async (progress: number) => {
      const applied = await this.applyBatch(claim, actor, pending, tally, progress);
      recorded.push(...applied.personIds);
      programmeId = applied.programmeId;
      pending = [];
    };
    const records = this.runner.records(content, (err) => {
      tally.totalRows += 1;
      tally.report([
        { row: Number(err?.lines ?? 0), field: 'row', message: err?.message ?? 'not readable as CSV' },
      ]);
    });
    try {
      for await (const { record, info } of records) {
        if (!index) {
          const header = readCompletionHeader(record);
          if (header.problem)
            throw new UnusableFile(describeHeaderProblem(header.problem, COMPLETION_COLUMNS.join(',')));
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
      return tally;
    } finally {
      // What the committed batches recorded is evaluated even when a later batch fails.
      if (programmeId && recorded.length > 0) await this.ingest.afterCommit(programmeId, recorded);
    }
  }

  /** One transaction: the rows' completions and the import's progress under the same claim. */
  private async applyBatch(
    claim: CompletionsClaim,
    actor: Actor,
    rows: CompletionRow[],
    tally: ImportTally,
    progress: number,
  ): Promise<{ programmeId?: string; personIds: string[] }> {
    const applied = await this.db.transaction(async (tx) => {
      const { candidates, errors } = await this.resolvePeople(tx, claim.cohortId, rows);
      const recorded = await this.ingest.record(tx, claim.cohortId, candidates, actor);
      // Each candidate's index is its line in the file.
      for (const outcome of recorded.outcomes) this.count(tally, outcome, outcome.index);
      tally.report(errors);
      const none = { created: 0, updated: 0, unchanged: 0, enrolled: 0 };
      const errorRows = await this.runner.writeBatch(tx, claim, tally, none, progress);
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
    const byEmail = await this.people.idsByEmail(
      tx,
      rows.flatMap((r) => (r.email ? [r.email] : [])),
    );
    const known = await this.people.existingIds(
      tx,
      rows.flatMap((r) => (r.personId ? [r.personId] : [])),
    );
    for (const id of byEmail.values()) known.add(id);
    const courses = await queryRows<{ id: string; code: string }>(
      tx,
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

  private count(tally: ImportTally, outcome: CompletionOutcome, line: number): void {
    if (outcome.status === 'created') tally.created += 1;
    else if (outcome.status === 'duplicate') tally.unchanged += 1;
    else {
      const reason = outcome.reason ?? outcome.status;
      const field = /^[A-Za-z]+:/.test(reason) ? reason.slice(0, reason.indexOf(':')) : 'row';
      tally.report([{ row: line, field, message: reason.slice(field.length + 1).trim() || reason }]);
    }
  }
}
