import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  containsPattern,
  definedFields,
  DomainError,
  ErrorCode,
  Page,
  registerConstraints,
} from '@cascade/platform';
import { CreatePersonDto, PersonQuery, UpdatePersonDto } from './person.dto';
import { Person } from './person.entity';

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

@Injectable()
export class PeopleService {
  constructor(@InjectRepository(Person) private readonly people: Repository<Person>) {}

  /** onlyIds narrows the list to those people (the caller's access rule decides who they are). */
  async list(query: PersonQuery, onlyIds?: string[]): Promise<Page<Person>> {
    const qb = this.people
      .createQueryBuilder('p')
      .orderBy('p.fullName')
      .addOrderBy('p.id')
      .limit(query.limit)
      .offset(query.offset);
    if (query.institutionId)
      qb.andWhere('p.institutionId = :institutionId', { institutionId: query.institutionId });
    if (query.regionId) {
      qb.andWhere('p.institutionId IN (SELECT id FROM institutions WHERE region_id = :regionId)', {
        regionId: query.regionId,
      });
    }
    if (onlyIds) qb.andWhere('p.id = ANY(:onlyIds)', { onlyIds });
    if (query.q) qb.andWhere('(p.fullName ILIKE :q OR p.email ILIKE :q)', { q: containsPattern(query.q) });
    const [items, total] = await qb.getManyAndCount();
    return Page.of(items, total, query);
  }

  /** One person; 404 when there is none. */
  async get(id: string): Promise<Person> {
    const person = await this.people.findOneBy({ id });
    if (!person) throw DomainError.notFound('person', id);
    return person;
  }

  /** The email arrives normalised (NormalisedEmail); uq_people_email_lookalike refuses look-alikes. */
  create(dto: CreatePersonDto): Promise<Person> {
    return this.people.save(
      this.people.create({ discipline: null, gender: null, preferredLanguage: 'mn', ...definedFields(dto) }),
    );
  }

  async update(id: string, dto: UpdatePersonDto): Promise<Person> {
    const changes = definedFields(dto);
    if (Object.keys(changes).length > 0) {
      // In a transaction: the request's audit event commits with the change (AuditSubscriber).
      const result = await this.people.manager.transaction((tx) => tx.update(Person, { id }, changes));
      if (result.affected === 0) throw DomainError.notFound('person', id);
    }
    return this.get(id);
  }
}
