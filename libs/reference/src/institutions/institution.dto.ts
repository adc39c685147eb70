import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Page, PageQuery } from '@cascade/platform';
import { Institution, INSTITUTION_KINDS, InstitutionKind } from './institution.entity';

export class CreateInstitutionDto {
  @ApiProperty({ example: 'Mongolian State University of Education' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiProperty({ example: 'Монгол Улсын Боловсролын Их Сургууль' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  nameMn: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId: string;

  @ApiProperty({ enum: INSTITUTION_KINDS })
  @IsIn(INSTITUTION_KINDS)
  kind: InstitutionKind;
}

/** Null is refused for every field: none of them may be cleared. */
export class UpdateInstitutionDto extends PartialType(CreateInstitutionDto, { skipNullProperties: false }) {}

export class InstitutionQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @ApiPropertyOptional({ enum: INSTITUTION_KINDS })
  @IsOptional()
  @IsIn(INSTITUTION_KINDS)
  kind?: InstitutionKind;

  @ApiPropertyOptional({ description: 'Part of either name, in any letter case' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class InstitutionPage extends Page<Institution> {
  @ApiProperty({ type: [Institution] })
  // The initializer only satisfies TypeScript: pages are plain objects from Page.of.
  override items: Institution[] = [];
}
