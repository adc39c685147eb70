import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { BooleanParam } from '../http/request-fields';
import { PageQuery } from '../http/pagination';
import { NormalisedEmail } from './email';
import { MIN_PASSWORD_LENGTH } from './password-policy';
import { Role, ROLES } from './roles';
import { User } from './user.entity';

export class LoginDto {
  @ApiProperty({ example: 'admin@cascade.local' })
  @NormalisedEmail()
  @IsEmail()
  email: string;

  @ApiProperty({ example: 'cascade-admin' })
  @IsString()
  @MaxLength(200)
  password: string;
}

export class AccessTokenDto {
  @ApiProperty()
  accessToken: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'bat.erdene@example.mn', description: 'Stored normalised (NFKC, lower case)' })
  @NormalisedEmail()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({
    minLength: MIN_PASSWORD_LENGTH,
    example: 'a long passphrase',
    description: 'Not the e-mail address and not one of the most common passwords',
  })
  @IsString()
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: "A master teacher's user is linked to their person" })
  @IsOptional()
  @IsUUID()
  personId?: string;
}

export class UpdateUserDto extends PartialType(CreateUserDto) {
  @ApiPropertyOptional({ description: 'An inactive user cannot log in' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UserQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'only active (true) or deactivated (false) users' })
  @IsOptional()
  @BooleanParam()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'part of the email, in any letter case', example: 'erdene' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  q?: string;
}

/** A user as the API shows it: never the password hash. */
export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) personId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: Date;

  static of(user: User): UserView {
    const { id, email, role, personId, active, createdAt } = user;
    return { id, email, role, personId, active, createdAt };
  }
}

export class PasswordResetView {
  @ApiProperty({ type: UserView }) user: UserView;
  @ApiProperty({ description: 'shown this once: hand it to the user, who logs in with it' })
  temporaryPassword: string;
}
