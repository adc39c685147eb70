import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one error format of the API. */
export class ErrorBody {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  error: string;

  @ApiProperty({ example: 'email: must be an email' })
  message: string;

  @ApiPropertyOptional({ description: 'Per-field problems or other structured context' })
  details?: unknown;
}
