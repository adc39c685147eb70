import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, IsUUID, Length, Matches } from 'class-validator';
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
}

export class BatchCompletionsDto {
  @ApiProperty({
    type: [BatchCompletionItemDto],
    minItems: 1,
    maxItems: COMPLETION_BATCH_LIMIT,
    description: 'Each item is validated on its own: a bad item is rejected, the others are stored',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(COMPLETION_BATCH_LIMIT)
  completions: unknown[];
}

export const COMPLETION_ITEM_STATUSES = ['created', 'duplicate', 'conflict', 'rejected'] as const;
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
      'created and duplicate (the same completion was stored before) are successes and answer the stored ' +
      'completion; conflict: the course is already completed with other content, or the clientRef was used for ' +
      'another completion; rejected: the item is invalid',
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
  @ApiProperty() duplicate: number;
  @ApiProperty() conflict: number;
  @ApiProperty() rejected: number;
}
