import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { DayField, MongolianNameField } from '@cascade/platform';

export class CreateRoundDto {
  @ApiProperty({ minimum: 1, example: 1, description: 'Rounds are ordered by number within a programme' })
  @IsInt()
  @Min(1)
  @Max(1000)
  number: number;

  @ApiProperty({ example: 'Round 1: regional centres' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @MongolianNameField('1-р шат: бүсийн төвүүд') nameMn?: string | null;
  @DayField() startsOn: string;
  @DayField() endsOn: string;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @IsInt() @Min(0) targetParticipants?: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid', default: [] })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  regionIds?: string[];
}

/** The number stays: later rounds' lead trainers were accepted for it. */
export class UpdateRoundDto extends PartialType(OmitType(CreateRoundDto, ['number'] as const)) {}
