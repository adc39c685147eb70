import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Page, PageQuery } from '@cascade/platform';
import { Region } from './region.entity';

/** ISO 3166-2:MN: `MN-1` for the capital, `MN-0NN` for an aimag. */
export const REGION_CODE = /^MN-\d{1,3}$/;

export class CreateRegionDto {
  @ApiProperty({ example: 'MN-073', pattern: REGION_CODE.source, description: 'ISO 3166-2:MN code' })
  @IsString()
  @Matches(REGION_CODE, { message: 'code must be an ISO 3166-2:MN code such as MN-1 or MN-073' })
  code: string;

  @ApiProperty({ example: 'Arkhangai' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Архангай' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameMn: string;
}

/** Null is refused for every field: none of them may be cleared. */
export class UpdateRegionDto extends PartialType(CreateRegionDto, { skipNullProperties: false }) {}

export class RegionQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the code or of either name, in any letter case' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class RegionPage extends Page<Region> {
  @ApiProperty({ type: [Region] })
  // The initializer only satisfies TypeScript: pages are plain objects from Page.of.
  override items: Region[] = [];
}
