import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';
import { PageQuery } from '@cascade/platform';
import { MentoringSession, SESSION_MODES, SessionMode } from './mentoring-session.entity';

/** An instant a device can record offline without ambiguity: a date, a time and an offset. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;
const TOPIC_LENGTH = { min: 1, max: 100 };

/** A topic is stored trimmed (trimmedTopics), so its length is counted trimmed. */
const IsTopicLength = (options: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isTopicLength',
      validator: {
        validate: (value: unknown) => {
          const length = typeof value === 'string' ? value.trim().length : -1;
          return length >= TOPIC_LENGTH.min && length <= TOPIC_LENGTH.max;
        },
      },
    },
    options,
  );

export const BATCH_LIMIT = 500;

/** What a session says happened; editable after logging. */
export class SessionFieldsDto {
  @ApiProperty({
    format: 'date-time',
    example: '2025-03-04T10:30:00+08:00',
    description: 'Not in the future (5 min clock skew allowed), within the assignment',
  })
  @IsISO8601({ strict: true })
  @Matches(DATE_TIME, {
    message: 'occurredAt must be an ISO 8601 date-time with a time zone, e.g. 2025-03-04T10:30:00+08:00',
  })
  occurredAt: string;

  @ApiProperty({ minimum: 1, maximum: 600 })
  @IsInt()
  @Min(1)
  @Max(600)
  durationMinutes: number;

  @ApiProperty({ enum: SESSION_MODES })
  @IsIn(SESSION_MODES)
  mode: SessionMode;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 10,
    description:
      'Free text within limits (the programme has no fixed topic list yet): 0–10 entries, each 1–100 characters after trimming',
    example: ['lesson planning with AI', 'assessment design'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @IsTopicLength({ each: true, message: 'each topic must be 1–100 characters after trimming' })
  topics?: string[];

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;
}

export class CreateSessionDto extends SessionFieldsDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 100,
    pattern: '^[A-Za-z0-9._:-]+$',
    description: "The recording device's key: a resend stores nothing new",
  })
  @IsString()
  @Length(1, 100)
  @Matches(/^[A-Za-z0-9._:-]+$/, {
    message: 'clientRef may contain only A-Z, a-z, 0-9, ".", "_", ":" and "-"',
  })
  clientRef: string;
}

export class BatchSessionItemDto extends CreateSessionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assignmentId: string;
}

export class BatchSessionsDto {
  @ApiProperty({
    type: [BatchSessionItemDto],
    minItems: 1,
    maxItems: BATCH_LIMIT,
    description: 'Each item is validated on its own: a bad item is rejected, the others are stored',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BATCH_LIMIT)
  // Read through BatchEnvelopePipe: the items stay as sent, each read on its own by SessionsService.batch.
  sessions: unknown[];
}

export class UpdateSessionDto extends PartialType(SessionFieldsDto) {}

export class SessionQuery extends PageQuery {}

/** What a session shows: every field the row holds (a raw row may carry more). */
const SESSION_VIEW_FIELDS = [
  'id',
  'assignmentId',
  'occurredAt',
  'durationMinutes',
  'mode',
  'topics',
  'notes',
  'clientRef',
  'recordedBy',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof MentoringSession)[];

export class SessionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty() occurredAt: Date;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ enum: SESSION_MODES }) mode: SessionMode;
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty() clientRef: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The user who logged it' })
  recordedBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static of(s: MentoringSession): SessionView {
    return Object.fromEntries(
      SESSION_VIEW_FIELDS.map((field) => [field, s[field]]),
    ) as unknown as SessionView;
  }
}

export const ITEM_STATUSES = ['created', 'duplicate', 'conflict', 'rejected'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export class BatchItemResult {
  @ApiProperty({ description: 'Position in the request' }) index: number;
  @ApiProperty({ type: String, nullable: true }) clientRef: string | null;
  @ApiProperty({
    enum: ITEM_STATUSES,
    description:
      "created and duplicate are successes and name the stored session's id; a conflict comes with the stored session it differs from",
  })
  status: ItemStatus;
  @ApiPropertyOptional({ format: 'uuid', description: 'created and duplicate: the stored session' })
  id?: string;
  @ApiPropertyOptional({
    type: SessionView,
    description: 'conflict only: the stored session, for the device to show beside its own',
  })
  session?: SessionView;
  @ApiPropertyOptional({ description: 'Why the item was rejected or conflicts, naming the field' })
  reason?: string;
}

export class BatchResult {
  @ApiProperty({ type: [BatchItemResult], description: 'One per item, in request order' })
  results: BatchItemResult[];
  @ApiProperty() created: number;
  @ApiProperty() duplicate: number;
  @ApiProperty() conflict: number;
  @ApiProperty() rejected: number;
}
