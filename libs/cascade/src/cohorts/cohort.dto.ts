import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { DELIVERY_MODES, DeliveryMode, Language, LANGUAGES } from '@cascade/reference';
import { DayField, MongolianNameField, PageQuery } from '@cascade/platform';

export class CreateCohortDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() roundId: string;
  @ApiProperty({ example: 'Darkhan-2' }) @IsString() @MinLength(1) @MaxLength(200) name: string;

  @MongolianNameField('Дархан-2') nameMn?: string | null;
  @ApiProperty({ format: 'uuid' }) @IsUUID() regionId: string;

  @ApiProperty({
    format: 'uuid',
    description:
      'A master teacher of the programme, or a person with a completion of every core course in an earlier round',
  })
  @IsUUID()
  leadTrainerId: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayNotEmpty()
  @IsUUID('all', { each: true })
  courseIds: string[];
  @ApiProperty({ enum: DELIVERY_MODES }) @IsIn(DELIVERY_MODES) deliveryMode: DeliveryMode;
  @ApiPropertyOptional({ enum: LANGUAGES, default: 'mn' }) @IsOptional() @IsIn(LANGUAGES) language?: Language;
  @ApiProperty({ minimum: 1, example: 30 }) @IsInt() @Min(1) @Max(100000) capacity: number;
  @DayField() startsOn: string;
  @DayField() endsOn: string;
}

/** A cohort stays in its round (its programme and the lead-trainer rule follow from the round). */
export class UpdateCohortDto extends PartialType(OmitType(CreateCohortDto, ['roundId'] as const)) {}

export class CohortQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() programmeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() roundId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() regionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() leadTrainerId?: string;
}

export class CohortView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, description: 'The name in Mongolian' }) nameMn: string | null;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ format: 'uuid' }) leadTrainerId: string;
  @ApiProperty({ type: [String], format: 'uuid' }) courseIds: string[];
  @ApiProperty({ enum: DELIVERY_MODES }) deliveryMode: DeliveryMode;
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty() capacity: number;
  @ApiProperty({ description: 'Places taken: enrolments that are not withdrawn' }) enrolled: number;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
}
