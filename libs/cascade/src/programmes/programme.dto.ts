import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DayField, IsDecimal, PageQuery } from '@cascade/platform';
import {
  PARTICIPATION_FORMS,
  ParticipationForm,
  PROGRAMME_STATUSES,
  ProgrammeStatus,
} from './programme.entity';

export class CredentialDto {
  @ApiProperty({ example: 'AI in Education' }) @IsString() @MinLength(1) @MaxLength(200) title: string;
  @ApiPropertyOptional({
    example: 'Хиймэл оюуныг заахад ашиглагч багш',
    description: 'The title in Mongolian',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  titleMn?: string;
  @ApiProperty({ example: 'micro-credential' }) @IsString() @MinLength(1) @MaxLength(100) level: string;
  @ApiProperty({ example: 'National Centre for Teacher Development' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  issuer: string;

  @ApiPropertyOptional({ example: 'MN', description: 'ISO 3166-1 alpha-2 country of the issuer' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as MN' })
  country?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 8,
    description: 'European Qualifications Framework level, where applicable',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(8)
  eqfLevel?: number;

  @ApiPropertyOptional({ example: 'Portfolio and observed lesson, graded by the lead trainer' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  assessmentType?: string;

  @ApiPropertyOptional({ enum: PARTICIPATION_FORMS })
  @IsOptional()
  @IsIn(PARTICIPATION_FORMS)
  participationForm?: ParticipationForm;

  @ApiPropertyOptional({ example: 'Internal review by the national centre' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  qualityAssurance?: string;
}

export class CreateProgrammeDto {
  @ApiProperty({ example: 'AI in Teaching 2025' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @DayField({ example: '2025-01-01' }) startsOn: string;
  @DayField({ example: '2025-12-31' }) endsOn: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The courses that make a completion' })
  @IsArray()
  @IsUUID('all', { each: true })
  coreCourseIds: string[];

  @ApiProperty({ minimum: 0, maximum: 100, example: 60 })
  @IsDecimal(2)
  @Min(0)
  @Max(100)
  passMark: number;

  @ApiProperty({ type: CredentialDto })
  @ValidateNested()
  @Type(() => CredentialDto)
  credential: CredentialDto;

  @ApiPropertyOptional({ enum: PROGRAMME_STATUSES, default: 'draft' })
  @IsOptional()
  @IsIn(PROGRAMME_STATUSES)
  status?: ProgrammeStatus;
}

export class UpdateProgrammeDto extends PartialType(CreateProgrammeDto) {}

export class ProgrammeQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROGRAMME_STATUSES })
  @IsOptional()
  @IsIn(PROGRAMME_STATUSES)
  status?: ProgrammeStatus;
}
