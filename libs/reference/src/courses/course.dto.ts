import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsPositive,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsDecimal, Page, PageQuery } from '@cascade/platform';
import { Course, DELIVERY_MODES, DeliveryMode, Language, LANGUAGES } from './course.entity';

export class CreateCourseDto {
  @ApiProperty({ example: 'AI-101' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  code: string;

  @ApiProperty({ example: 'Generative AI in the classroom' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiProperty({ example: 'Хиймэл оюун ухаан ангид' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  titleMn: string;

  @ApiProperty({ example: 30, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(10000)
  workloadHours: number;

  @ApiPropertyOptional({
    example: 1.5,
    nullable: true,
    type: Number,
    description: 'At most one decimal place',
  })
  @IsOptional()
  @IsDecimal(1)
  @IsPositive()
  @Max(9999.9)
  ects?: number | null;

  @ApiProperty({ type: [String], example: ['Plans a lesson with a generative AI assistant'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(1000, { each: true })
  learningOutcomes: string[];

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  language: Language;

  @ApiProperty({ enum: DELIVERY_MODES, isArray: true, example: ['online', 'hybrid'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(DELIVERY_MODES, { each: true })
  deliveryModes: DeliveryMode[];
}

/** Null is refused but for ects, which null clears. */
export class UpdateCourseDto extends PartialType(CreateCourseDto, { skipNullProperties: false }) {}

export class CourseQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the code or of either title, in any letter case' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class CoursePage extends Page<Course> {
  @ApiProperty({ type: [Course] })
  // The initializer only satisfies TypeScript: pages are plain objects from Page.of.
  override items: Course[] = [];
}
