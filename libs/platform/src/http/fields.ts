import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** A calendar day (`2025-01-31`): documented as a date and refused unless it is one. */
export function DayField(options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(ApiProperty({ format: 'date', ...options }), IsDateString({ strict: true }));
}

/** A calendar day the request may leave out. */
export function OptionalDayField(options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ format: 'date', ...options }),
    IsOptional(),
    IsDateString({ strict: true }),
  );
}

/** A record's name in Mongolian, which reports in mn print; it may be left out or cleared (null). */
export function MongolianNameField(example: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      example,
      type: String,
      nullable: true,
      description: 'The name in Mongolian (reports in mn use it)',
    }),
    IsOptional(),
    IsString(),
    MinLength(1),
    MaxLength(200),
  );
}
