import { Injectable, Logger, OnApplicationBootstrap, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { ILike, Repository } from 'typeorm';
import { CascadeConfig } from '../config/config';
import { DomainError } from '../errors/domain-error';
import { registerConstraints } from '../errors/constraints';
import { ErrorCode } from '../errors/domain-error';
import { Page } from '../http/pagination';
import { CreateUserDto, UpdateUserDto, UserQuery, UserView } from './user.dto';
import { User } from './user.entity';

registerConstraints({
  uq_users_email: { code: ErrorCode.Conflict, message: 'email: a user with this email already exists' },
  fk_users_person: { code: ErrorCode.Invalid, message: 'personId: no such person' },
});

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    private readonly config: ConfigService<CascadeConfig, true>,
  ) {}

  /** The first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD when no admin exists yet. */
  async onApplicationBootstrap(): Promise<void> {
    if (await this.users.exists({ where: { role: 'admin' } })) return;
    const email = this.config.get('ADMIN_EMAIL');
    await this.users
      .createQueryBuilder()
      .insert()
      .values({
        email: email.toLowerCase(),
        passwordHash: await argon2.hash(this.config.get('ADMIN_PASSWORD')),
        role: 'admin',
      })
      .orIgnore()
      .execute();
    this.logger.log(`created the first admin ${email}`);
  }

  async login(email: string, password: string): Promise<string> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    const valid = user?.active === true && (await argon2.verify(user.passwordHash, password));
    if (!user || !valid) throw new UnauthorizedException('email or password is wrong');
    return this.jwt.signAsync({ sub: user.id, email: user.email, role: user.role, personId: user.personId });
  }

  async list(query: UserQuery): Promise<Page<UserView>> {
    const [items, total] = await this.users.findAndCount({
      where: {
        ...(query.role && { role: query.role }),
        ...(query.active !== undefined && { active: query.active }),
        ...(query.q && { email: ILike(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`) }),
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
    const user = await this.users.save(
      this.users.create({
        ...fields,
        email: dto.email.toLowerCase(),
        passwordHash: await argon2.hash(password),
      }),
    );
    return UserView.of(user);
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserView> {
    const { password, ...fields } = dto;
    const changes: Partial<User> = { ...fields };
    if (dto.email) changes.email = dto.email.toLowerCase();
    if (password) changes.passwordHash = await argon2.hash(password);
    const result = await this.users.update({ id }, changes);
    if (result.affected === 0) throw DomainError.notFound('user', id);
    return this.get(id);
  }
}
