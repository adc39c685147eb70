import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsArray,
  IsDateString,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

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

  @ApiPropertyOptional({
    example: '1-р шат: бүсийн төвүүд',
    type: String,
    nullable: true,
    description: 'The name in Mongolian (reports in mn use it)',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameMn?: string | null;
  @ApiProperty({ format: 'date' }) @IsDateString({ strict: true }) startsOn: string;
  @ApiProperty({ format: 'date' }) @IsDateString({ strict: true }) endsOn: string;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @IsInt() @Min(0) targetParticipants?: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid', default: [] })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  regionIds?: string[];
}

/** The number stays: later rounds' lead trainers were accepted for it. */
export class UpdateRoundDto extends PartialType(OmitType(CreateRoundDto, ['number'] as const)) {}
