import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?limit=&offset=` on every list. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

export class Page<T> {
  @ApiProperty({ isArray: true })
  items: T[];

  @ApiProperty({ description: 'How many match the filters in all' })
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;

  static of<T>(items: T[], total: number, query: PageQuery): Page<T> {
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
