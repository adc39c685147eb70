import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { NormalisedEmail, Page, PageQuery } from '@cascade/platform';
import { Language, LANGUAGES } from '../courses/course.entity';
import { Gender, GENDERS, Person } from './person.entity';

export class CreatePersonDto {
  @ApiProperty({ example: 'Батбаярын Сарантуяа' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({
    example: 'sarantuya@example.mn',
    description: 'Stored normalised (NFKC, lower case); unique, look-alike addresses included',
  })
  @NormalisedEmail()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  institutionId: string;

  @ApiPropertyOptional({ example: 'Mathematics', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  discipline?: string | null;

  @ApiPropertyOptional({ enum: GENDERS, nullable: true })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender | null;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'mn' })
  // May be left out (mn), but not sent as null.
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(LANGUAGES)
  preferredLanguage?: Language;
}

/** Null clears discipline and gender and is refused for every other field. */
export class UpdatePersonDto extends PartialType(CreatePersonDto, { skipNullProperties: false }) {}

export class PersonQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The region of the person's institution" })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @ApiPropertyOptional({ description: 'Part of the name or email, in any letter case' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class PersonPage extends Page<Person> {
  @ApiProperty({ type: [Person] })
  // The initializer only satisfies TypeScript: pages are plain objects from Page.of.
  override items: Person[] = [];
}
