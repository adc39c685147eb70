import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode } from './domain-error';

/** One field that failed, with only the constraints it failed. */
export class FieldProblem {
  @ApiProperty({
    example: 'score',
    description: 'The field, dotted for nested ones (`sessions.3.clientRef`)',
  })
  field: string;

  @ApiProperty({
    type: [String],
    example: ['score must be a number conforming to the specified constraints'],
  })
  problems: string[];
}

/** The one error format of the API. */
export class ErrorBody {
  @ApiProperty({ type: 'integer', example: 400 })
  statusCode: number;

  @ApiProperty({
    enum: ErrorCode,
    enumName: 'ErrorCode',
    example: ErrorCode.Invalid,
    description: 'Stable: a client decides on this, never on the message',
  })
  code: ErrorCode;

  @ApiProperty({ example: 'Bad Request', description: 'The HTTP reason phrase' })
  error: string;

  @ApiProperty({ example: 'score: score must be a number conforming to the specified constraints' })
  message: string;

  @ApiPropertyOptional({ type: [FieldProblem], description: 'Every field that failed validation' })
  details?: FieldProblem[];
}
