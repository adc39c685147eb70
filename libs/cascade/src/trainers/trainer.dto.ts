import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@cascade/platform';

export class EligibleTrainersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'part of the name, email or institution', example: 'Бат' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** A person who may lead a cohort of the round, and why. */
export class EligibleTrainerView {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ example: 'Сарантуяа Бат' })
  fullName: string;

  @ApiProperty({ example: 'sarantuya@example.mn' })
  email: string;

  @ApiProperty({ example: 'Mongolian National University of Education' })
  institution: string;

  @ApiProperty({
    description: 'a master teacher of the programme; otherwise a completer of an earlier round',
  })
  masterTeacher: boolean;
}
