import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUrl, IsUUID, MaxLength, MinLength } from 'class-validator';
import { BooleanParam, DayField, PageQuery } from '@cascade/platform';
import { AI_ADOPTION_KINDS, AiAdoptionKind } from './ai-adoption.entity';

export class CreateAiAdoptionDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() personId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() programmeId: string;
  @DayField() observedOn: string;
  @ApiProperty({ enum: AI_ADOPTION_KINDS }) @IsIn(AI_ADOPTION_KINDS) kind: AiAdoptionKind;
  @ApiProperty({ example: 'Uses a chatbot to draft formative quizzes' })
  @IsString()
  @MinLength(3)
  @MaxLength(4000)
  description: string;

  @ApiPropertyOptional({ example: 'https://example.mn/lesson-plan.pdf' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  evidenceUrl?: string;
}

export class AiAdoptionQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() programmeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() personId?: string;
  @ApiPropertyOptional() @IsOptional() @BooleanParam() @IsBoolean() verified?: boolean;
}

export class AiAdoptionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'date' }) observedOn: string;
  @ApiProperty({ enum: AI_ADOPTION_KINDS }) kind: AiAdoptionKind;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true }) evidenceUrl: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The user who recorded it' })
  recordedBy: string | null;
  @ApiProperty() verified: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The user who verified it' })
  verifiedBy: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) verifiedOn: string | null;
}
