import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { ILike, Repository } from 'typeorm';
import { CascadeConfig } from '../config/config';
import { registerConstraints } from '../errors/constraints';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { Page } from '../http/pagination';
import { containsPattern } from '../http/request-fields';
import { normaliseEmail } from './email';
import { PasswordHasher } from './password-hasher';
import { assertPasswordPolicy } from './password-policy';
import { CreateUserDto, UpdateUserDto, UserQuery, UserView } from './user.dto';
import { User } from './user.entity';
import { UserStandings } from './user-standings';
import { queryRows } from '../database/sql';

registerConstraints({
  uq_users_email: { code: ErrorCode.DuplicateEmail, message: 'email: a user with this email already exists' },
  uq_users_email_lookalike: {
    code: ErrorCode.DuplicateEmail,
    message: 'email: a user with an address that looks the same already exists',
  },
  fk_users_person: { code: ErrorCode.Invalid, message: 'personId: no such person' },
});

/** The fields whose change ends every session of the user (their tokens stop working at once). */
const SESSION_FIELDS = ['email', 'role', 'personId', 'active'] as const;

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly standings: UserStandings,
    private readonly hasher: PasswordHasher,
    private readonly config: ConfigService<CascadeConfig, true>,
  ) {}

  /** The first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD when no admin exists yet. */
  async onApplicationBootstrap(): Promise<void> {
    if (await this.users.exists({ where: { role: 'admin' } })) return;
    const email = normaliseEmail(this.config.get('ADMIN_EMAIL'));
    await this.users
      .createQueryBuilder()
      .insert()
      .values({
        email,
        passwordHash: await this.hasher.hash(this.config.get('ADMIN_PASSWORD')),
        role: 'admin',
      })
      .orIgnore()
      .execute();
    this.logger.log(`created the first admin ${email}`);
  }

  async list(query: UserQuery): Promise<Page<UserView>> {
    const [items, total] = await this.users.findAndCount({
      where: {
        ...(query.role && { role: query.role }),
        ...(query.active !== undefined && { active: query.active }),
        ...(query.q && { email: ILike(containsPattern(query.q)) }),
      },
      order: { email: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return Page.of(items.map(UserView.of), total, query);
  }

  async get(id: string): Promise<UserView> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw DomainError.notFound('user', id);
    return UserView.of(user);
  }

  async create(dto: CreateUserDto): Promise<UserView> {
    const { password, ...fields } = dto;
    const email = normaliseEmail(dto.email);
    assertPasswordPolicy(password, email);
    const user = await this.users.save(
      this.users.create({ ...fields, email, passwordHash: await this.hasher.hash(password) }),
    );
    return UserView.of(user);
  }

  /**
   * A change of e-mail, role, person link, activity or password takes effect on the user's
   * next request: the token version is bumped in the same statement and the cached standing
   * replaced after commit.
   */
  async update(id: string, dto: UpdateUserDto): Promise<UserView> {
    const { password, ...fields } = dto;
    const changes: Partial<User> = { ...fields };
    if (dto.email) changes.email = normaliseEmail(dto.email);
    await this.users.manager.transaction(async (tx) => {
      // Active admins first, always in one order: two admins demoting each other cannot deadlock.
      const admins = await queryRows<{ id: string }>(
        tx,
        `SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`,
      );
      const current = await tx.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw DomainError.notFound('user', id);
      if (password !== undefined) {
        assertPasswordPolicy(password, changes.email ?? current.email);
        changes.passwordHash = await this.hasher.hash(password);
      }
      this.assertAnAdminRemains(admins, current, changes);
      const endsSessions =
        password !== undefined ||
        SESSION_FIELDS.some((field) => changes[field] !== undefined && changes[field] !== current[field]);
      if (endsSessions) changes.tokenVersion = current.tokenVersion + 1;
      if (Object.keys(changes).length > 0) await tx.update(User, { id }, changes);
    });
    await this.standings.changed(id);
    return this.get(id);
  }

  /**
   * Nobody — the admin themselves included — may deactivate or demote the last active admin.
   * The active admins were locked, so two admins demoting each other at once cannot both succeed.
   */
  private assertAnAdminRemains(admins: { id: string }[], current: User, changes: Partial<User>): void {
    const staysAdmin = (changes.role ?? current.role) === 'admin' && (changes.active ?? current.active);
    if (current.role !== 'admin' || !current.active || staysAdmin) return;
    if (!admins.some((admin) => admin.id !== current.id)) {
      throw DomainError.conflict(
        `role: ${current.email} is the last active admin; make another user admin first`,
      );
    }
  }
}
