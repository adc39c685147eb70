import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?limit=&offset=` on every list. */
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}

export class Page<T> {
  @ApiProperty({ isArray: true })
  items: T[];

  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many match the filters in all' })
  total: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  limit: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  offset: number;

  static of<T>(items: T[], total: number, query: PageQuery): Page<T> {
    return { items, total, limit: query.limit, offset: query.offset };
  }
}

const pages = new Map<ClassType, ClassType>();

/**
 * The documented page of a model (`CohortViewPage`): TypeScript generics are gone at run time,
 * so `@ApiOkResponse({ type: pageOf(CohortView) })` would document items of nothing.
 */
export function pageOf<T>(model: ClassType<T>): ClassType<Page<T>> {
  const known = pages.get(model);
  if (known) return known as ClassType<Page<T>>;
  class ModelPage extends Page<T> {}
  ApiProperty({ type: [model] })(ModelPage.prototype, 'items');
  Object.defineProperty(ModelPage, 'name', { value: `${model.name}Page` });
  pages.set(model, ModelPage);
  return ModelPage;
}
