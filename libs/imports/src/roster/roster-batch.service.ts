import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Cohort, CohortsService } from '@cascade/cascade';
import { RosterRow, RowError } from './roster-row';
import {
  ENROL_SQL,
  EXISTING_PEOPLE_SQL,
  INSERT_PEOPLE_SQL,
  INSTITUTIONS_BY_NAME_SQL,
  PEOPLE_IDS_SQL,
  PLACES_TAKEN_SQL,
  UPDATE_PEOPLE_SQL,
} from './roster.sql';

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
 * Applies one batch of valid rows inside the caller's transaction, with set-based statements:
 * people upserted by lower(email), then enrolled in the cohort as far as its places allow.
 * A row that cannot be applied whole (unknown institution, no place left) becomes a row error
 * and changes nothing. Running a batch twice changes nothing the second time.
 */
@Injectable()
export class RosterBatch {
  constructor(private readonly cohorts: CohortsService) {}

  async apply(tx: EntityManager, rows: RosterRow[], run: RosterRun): Promise<BatchOutcome> {
    const errors: RowError[] = [];
    const resolved = await this.resolveInstitutions(tx, rows, run, errors);
    // The cohort row is locked first: batches of imports (and API enrolments) into it count places one after another.
    const cohort = run.cohortId ? await this.cohorts.lock(tx, run.cohortId) : null;
    // One lock order for every transaction that upserts people: by email.
    resolved.sort((a, b) => (a.emailKey < b.emailKey ? -1 : a.emailKey > b.emailKey ? 1 : 0));
    const applied = cohort ? await this.withinCapacity(tx, resolved, cohort, errors) : resolved;

    const created = await this.insertPeople(tx, applied);
    const updated = run.mayUpdatePeople
      ? await this.updatePeople(tx, applied, created)
      : new Map<string, string>();
    const ids: { id: string; key: string }[] = await tx.query(PEOPLE_IDS_SQL, [
      applied.map((r) => r.emailKey),
    ]);
    const enrolled = cohort ? await tx.query(ENROL_SQL, [cohort.id, ids.map((p) => p.id)]) : [];
    return {
      created: created.size,
      updated: updated.size,
      unchanged: applied.length - created.size - updated.size,
      enrolled: enrolled.length,
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
    if (unknown.length > 0) {
      const found: { key: string; ids: string[] }[] = await tx.query(INSTITUTIONS_BY_NAME_SQL, [unknown]);
      const byKey = new Map(found.map((f) => [f.key, f.ids]));
      for (const key of unknown) {
        const ids = byKey.get(key) ?? [];
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
   * Places go to rows in file order; a person already enrolled keeps theirs. A row beyond the
   * capacity, or naming the cohort's own lead trainer, is refused whole.
   */
  private async withinCapacity(
    tx: EntityManager,
    rows: Resolved[],
    cohort: Cohort,
    errors: RowError[],
  ): Promise<Resolved[]> {
    const found: { id: string; key: string; enrolled: boolean }[] = await tx.query(EXISTING_PEOPLE_SQL, [
      rows.map((r) => r.emailKey),
      cohort.id,
    ]);
    const existing = new Map(found.map((p) => [p.key, p]));
    const [{ taken }] = await tx.query(PLACES_TAKEN_SQL, [cohort.id]);
    let placesTaken = taken as number;
    const accepted: Resolved[] = [];
    for (const row of [...rows].sort((a, b) => a.line - b.line)) {
      const person = existing.get(row.emailKey);
      if (person?.id === cohort.leadTrainerId) {
        errors.push({
          row: row.line,
          field: 'email',
          message: `the lead trainer of cohort '${cohort.name}' cannot enrol in it`,
        });
      } else if (person?.enrolled) {
        accepted.push(row);
      } else if (placesTaken >= cohort.capacity) {
        errors.push({
          row: row.line,
          field: 'capacity',
          message: `cohort '${cohort.name}' is full (${placesTaken}/${cohort.capacity})`,
        });
      } else {
        placesTaken += 1;
        accepted.push(row);
      }
    }
    return accepted.sort((a, b) => (a.emailKey < b.emailKey ? -1 : a.emailKey > b.emailKey ? 1 : 0));
  }

  /** lower(email) → id of each person created. */
  private async insertPeople(tx: EntityManager, rows: Resolved[]): Promise<Map<string, string>> {
    const inserted: { id: string; key: string }[] = await tx.query(INSERT_PEOPLE_SQL, [
      rows.map((r) => r.fullName),
      rows.map((r) => r.emailKey),
      rows.map((r) => r.institutionId),
      rows.map((r) => r.discipline),
      rows.map((r) => r.gender),
      rows.map((r) => r.preferredLanguage),
    ]);
    return new Map(inserted.map((p) => [p.key, p.id]));
  }

  /** lower(email) → id of each existing person whose fields changed. */
  private async updatePeople(
    tx: EntityManager,
    rows: Resolved[],
    created: Map<string, string>,
  ): Promise<Map<string, string>> {
    const others = rows.filter((r) => !created.has(r.emailKey));
    if (others.length === 0) return new Map();
    // An UPDATE answers [rows, count] through TypeORM.
    const [changed]: [{ id: string; key: string }[], number] = await tx.query(UPDATE_PEOPLE_SQL, [
      others.map((r) => r.emailKey),
      others.map((r) => r.fullName),
      others.map((r) => r.institutionId),
      others.map((r) => r.discipline),
      others.map((r) => r.gender),
      others.map((r) => r.preferredLanguage),
    ]);
    return new Map(changed.map((p) => [p.key, p.id]));
  }
}
