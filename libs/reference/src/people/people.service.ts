import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { containsPattern, ErrorCode, execute, Page, queryRows, registerConstraints } from '@cascade/platform';
import { ReferenceRecords } from '../shared/reference-records';
import { CreatePersonDto, PersonQuery, UpdatePersonDto } from './person.dto';
import { Gender, Person } from './person.entity';
import { Language } from '../courses/course.entity';
import { INSERT_PEOPLE_SQL, PEOPLE_BY_EMAIL_SQL, UPDATE_PEOPLE_SQL } from './people-upsert.sql';

/** One person as a bulk source (a roster row) describes them; `emailKey` is normaliseEmail(email). */
export interface PersonUpsert {
  fullName: string;
  emailKey: string;
  institutionId: string;
  /** Null keeps an existing person's value (a blank optional field). */
  discipline: string | null;
  gender: Gender | null;
  preferredLanguage: Language | null;
}

export interface UpsertOutcome {
  created: number;
  updated: number;
  /** emailKey → the person's id, for every row. */
  ids: Map<string, string>;
}

registerConstraints({
  uq_people_email: {
    code: ErrorCode.DuplicateEmail,
    message: 'email: a person with this email already exists',
  },
  uq_people_email_lookalike: {
    code: ErrorCode.DuplicateEmail,
    message: 'email: a person with an address that looks the same already exists',
  },
  fk_people_institution: { code: ErrorCode.Invalid, message: 'institutionId: no such institution' },
  ck_people_gender: { code: ErrorCode.Invalid, message: 'gender: must be female, male or other' },
  ck_people_language: { code: ErrorCode.Invalid, message: 'preferredLanguage: must be mn or en' },
});

/** The email arrives normalised (NormalisedEmail); uq_people_email_lookalike refuses look-alikes. */
@Injectable()
export class PeopleService extends ReferenceRecords<Person, CreatePersonDto, UpdatePersonDto> {
  constructor(@InjectRepository(Person) people: Repository<Person>) {
    super(people, 'person', 'fullName', { discipline: null, gender: null, preferredLanguage: 'mn' });
  }

  /** onlyIds narrows the list to those people (the caller's access rule decides who they are). */
  list(query: PersonQuery, onlyIds?: string[]): Promise<Page<Person>> {
    return this.page(query, (qb) => {
      if (query.institutionId)
        qb.andWhere('r.institutionId = :institutionId', { institutionId: query.institutionId });
      if (query.regionId) {
        qb.andWhere('r.institutionId IN (SELECT id FROM institutions WHERE region_id = :regionId)', {
          regionId: query.regionId,
        });
      }
      if (onlyIds) qb.andWhere('r.id = ANY(:onlyIds)', { onlyIds });
      if (query.q) qb.andWhere('(r.fullName ILIKE :q OR r.email ILIKE :q)', { q: containsPattern(query.q) });
    });
  }

  /** emailKey → id of the people who exist among these normalised emails. */
  async idsByEmail(manager: EntityManager, emailKeys: string[]): Promise<Map<string, string>> {
    if (emailKeys.length === 0) return new Map();
    const found = await queryRows<{ id: string; key: string }>(manager, PEOPLE_BY_EMAIL_SQL, [emailKeys]);
    return new Map(found.map((p) => [p.key, p.id]));
  }

  /** Which of these ids are people's. */
  async existingIds(manager: EntityManager, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const found = await queryRows<{ id: string }>(
      manager,
      `SELECT id FROM people WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Set(found.map((p) => p.id));
  }

  /**
   * Creates the people no email names yet and, with `update`, gives existing ones the rows'
   * values (a row that changes nothing writes nothing), in set-based statements inside the
   * caller's transaction. Rows name each email once. Running it twice changes nothing the
   * second time.
   */
  async upsertMany(manager: EntityManager, rows: PersonUpsert[], update: boolean): Promise<UpsertOutcome> {
    if (rows.length === 0) return { created: 0, updated: 0, ids: new Map() };
    // One lock order for every transaction that upserts people: by email.
    const sorted = [...rows].sort((a, b) => (a.emailKey < b.emailKey ? -1 : a.emailKey > b.emailKey ? 1 : 0));
    const inserted = await queryRows<{ id: string; key: string }>(manager, INSERT_PEOPLE_SQL, [
      sorted.map((r) => r.fullName),
      sorted.map((r) => r.emailKey),
      sorted.map((r) => r.institutionId),
      sorted.map((r) => r.discipline),
      sorted.map((r) => r.gender),
      sorted.map((r) => r.preferredLanguage),
    ]);
    const created = new Set(inserted.map((p) => p.key));
    const others = sorted.filter((r) => !created.has(r.emailKey));
    let updated = 0;
    if (update && others.length > 0) {
      ({ affected: updated } = await execute(manager, UPDATE_PEOPLE_SQL, [
        others.map((r) => r.emailKey),
        others.map((r) => r.fullName),
        others.map((r) => r.institutionId),
        others.map((r) => r.discipline),
        others.map((r) => r.gender),
        others.map((r) => r.preferredLanguage),
      ]));
    }
    const ids = await this.idsByEmail(
      manager,
      sorted.map((r) => r.emailKey),
    );
    return { created: created.size, updated, ids };
  }
}
