import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { CompletionView, CreateCompletionDto } from './completion.dto';

export const COMPLETION_BATCH_LIMIT = 500;

/** One completion of a person enrolled in the cohort, keyed by the sender's reference. */
export class BatchCompletionItemDto extends CreateCompletionDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 100,
    pattern: '^[A-Za-z0-9._:-]+$',
    description: "The sender's key for this item: resending it stores nothing new",
  })
  @IsString()
  @Length(1, 100)
  @Matches(/^[A-Za-z0-9._:-]+$/, {
    message: 'clientRef may contain only A-Z, a-z, 0-9, ".", "_", ":" and "-"',
  })
  clientRef: string;

  @ApiProperty({ format: 'uuid', description: 'The id of a person (not a user) enrolled in the cohort' })
  @IsUUID()
  personId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "A correction: the id of the person's stored completion of this course, whose date and score are " +
      'replaced by this item’s (the stored clientRef stays). Without it the item records a new completion',
  })
  @IsOptional()
  @IsUUID()
  completionId?: string;
}

export class BatchCompletionsDto {
  @ApiProperty({
    type: [BatchCompletionItemDto],
    minItems: 1,
    maxItems: COMPLETION_BATCH_LIMIT,
    description:
      'New completions and corrections of stored ones (completionId) together; each item is validated on ' +
      'its own: a bad item is rejected, the others are stored',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(COMPLETION_BATCH_LIMIT)
  completions: unknown[];
}

export const COMPLETION_ITEM_STATUSES = [
  'created',
  'corrected',
  'duplicate',
  'conflict',
  'rejected',
] as const;
export type CompletionItemStatus = (typeof COMPLETION_ITEM_STATUSES)[number];

export class BatchCompletionResult {
  @ApiProperty({ description: 'Position in the request' }) index: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The item’s clientRef (null when it had none usable)',
  })
  clientRef: string | null;
  @ApiProperty({
    enum: COMPLETION_ITEM_STATUSES,
    description:
      'created, corrected (a completionId item changed the stored date or score) and duplicate (the same ' +
      'completion was stored before) are successes and answer the stored completion; conflict: the course is ' +
      'already completed with other content and the item names no completionId, or the clientRef was used for ' +
      'another completion; rejected: the item is invalid, or its completionId is not the person’s completion ' +
      'of that course',
  })
  status: CompletionItemStatus;
  @ApiPropertyOptional({ type: CompletionView }) completion?: CompletionView;
  @ApiPropertyOptional({ description: 'Why the item was rejected or conflicts, naming the field' })
  reason?: string;
}

export class BatchCompletionsResult {
  @ApiProperty({ type: [BatchCompletionResult], description: 'One per item, in request order' })
  results: BatchCompletionResult[];
  @ApiProperty() created: number;
  @ApiProperty() corrected: number;
  @ApiProperty() duplicate: number;
  @ApiProperty() conflict: number;
  @ApiProperty() rejected: number;
}
