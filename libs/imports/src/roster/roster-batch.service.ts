import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Cohort, CohortsService, EnrolmentsService, EnrolRefusal } from '@cascade/cascade';
import { InstitutionsService, PeopleService } from '@cascade/reference';
import { RosterRow, RowError } from './roster-row';

/** What one run knows across its batches. */
export interface RosterRun {
  cohortId: string | null;
  /** Staff imports update existing people; a master teacher's only enrols them. */
  mayUpdatePeople: boolean;
  /** lower(name) → the institution's id, or why the name does not name one. */
  institutions: Map<string, string | { problem: string }>;
}

export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  enrolled: number;
  errors: RowError[];
}

type Resolved = RosterRow & { institutionId: string };

/**
 * Applies one batch of valid rows inside the caller's transaction: the cascade's enrolment
 * rules pick the rows that may enrol in the cohort (EnrolmentsService.admit), reference data
 * upserts their people by lower(email) (PeopleService.upsertMany), and EnrolmentsService.enrolMany
 * enrols them — each a set-based statement. A row that cannot be applied whole (unknown
 * institution, no place left, the cohort's lead trainer) becomes a row error and changes nothing.
 * Running a batch twice changes nothing the second time.
 */
@Injectable()
export class RosterBatch {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly enrolments: EnrolmentsService,
    private readonly institutions: InstitutionsService,
    private readonly people: PeopleService,
  ) {}

  async apply(tx: EntityManager, rows: RosterRow[], run: RosterRun): Promise<BatchOutcome> {
    const errors: RowError[] = [];
    const resolved = await this.resolveInstitutions(tx, rows, run, errors);
    // The cohort row is locked first: batches of imports (and API enrolments) into it count places one after another.
    const cohort = run.cohortId ? await this.cohorts.lock(tx, run.cohortId) : null;
    const applied = cohort ? await this.admitted(tx, resolved, cohort, errors) : resolved;
    const people = await this.people.upsertMany(tx, applied, run.mayUpdatePeople);
    let enrolled = 0;
    if (cohort) {
      const candidates = applied.map((r) => ({ index: r.line, personId: people.ids.get(r.emailKey)! }));
      const outcome = await this.enrolments.enrolMany(tx, cohort, candidates);
      // The same rules under the same lock: admitted() has already refused every row they refuse.
      errors.push(...outcome.refusals.map(rowError));
      enrolled = outcome.enrolled;
    }
    return {
      created: people.created,
      updated: people.updated,
      unchanged: applied.length - people.created - people.updated,
      enrolled,
      errors,
    };
  }

  /** Names are matched in English or Mongolian, ignoring letter case; each name is looked up once per run. */
  private async resolveInstitutions(
    tx: EntityManager,
    rows: RosterRow[],
    run: RosterRun,
    errors: RowError[],
  ): Promise<Resolved[]> {
    const unknown = [...new Set(rows.map((r) => r.institution.toLowerCase()))].filter(
      (k) => !run.institutions.has(k),
    );
    const found = await this.institutions.idsByName(tx, unknown);
    for (const [key, ids] of found) {
      run.institutions.set(
        key,
        ids.length === 1
          ? ids[0]
          : {
              problem:
                ids.length === 0
                  ? 'no institution has this name'
                  : `${ids.length} institutions have this name`,
            },
      );
    }
    const resolved: Resolved[] = [];
    for (const row of rows) {
      const institution = run.institutions.get(row.institution.toLowerCase())!;
      if (typeof institution === 'string') resolved.push({ ...row, institutionId: institution });
      else
        errors.push({
          row: row.line,
          field: 'institution',
          message: `'${row.institution}': ${institution.problem}`,
        });
    }
    return resolved;
  }

  /**
   * The rows the cohort's enrolment rules admit (places go in file order; a person already
   * enrolled keeps theirs; people not yet stored are newcomers); the others become row errors
   * before anyone is created or changed for them.
   */
  private async admitted(
    tx: EntityManager,
    rows: Resolved[],
    cohort: Cohort,
    errors: RowError[],
  ): Promise<Resolved[]> {
    const existing = await this.people.idsByEmail(
      tx,
      rows.map((r) => r.emailKey),
    );
    const { admitted, refusals } = await this.enrolments.admit(
      tx,
      cohort,
      rows.map((r) => ({ index: r.line, personId: existing.get(r.emailKey) ?? null })),
    );
    errors.push(...refusals.map(rowError));
    const lines = new Set(admitted);
    return rows.filter((r) => lines.has(r.line));
  }
}

/** A roster names its people by email: a refusal of the person is a problem of that field. */
function rowError(refusal: EnrolRefusal): RowError {
  return {
    row: refusal.index,
    field: refusal.field === 'personId' ? 'email' : refusal.field,
    message: refusal.message,
  };
}
