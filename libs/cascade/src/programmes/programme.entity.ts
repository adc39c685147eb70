import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numeric } from '@cascade/reference';

export const PROGRAMME_STATUSES = ['draft', 'active', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export const PARTICIPATION_FORMS = ['online', 'face_to_face', 'hybrid'] as const;
export type ParticipationForm = (typeof PARTICIPATION_FORMS)[number];

/** What the micro-credential states; the EU's mandatory elements are required to activate (micro-credential-elements.ts). */
export class Credential {
  @ApiProperty({ example: 'AI in Education' }) title: string;
  @ApiPropertyOptional({
    example: 'Хиймэл оюун боловсролд',
    description: 'The title in Mongolian, like every other bilingual name',
  })
  titleMn?: string;
  @ApiProperty({ example: 'micro-credential' }) level: string;
  @ApiProperty({ example: 'National Centre', description: 'The awarding body' }) issuer: string;
  @ApiPropertyOptional({ example: 'MN', description: 'ISO 3166-1 alpha-2 country of the issuer' })
  country?: string;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 8,
    description: 'EQF level, where applicable',
  })
  eqfLevel?: number;
  @ApiPropertyOptional({ example: 'Portfolio and observed lesson, graded by the lead trainer' })
  assessmentType?: string;
  @ApiPropertyOptional({ enum: PARTICIPATION_FORMS }) participationForm?: ParticipationForm;
  @ApiPropertyOptional({ example: 'Internal review by the national centre' }) qualityAssurance?: string;
}

/** A cascade programme: the core courses that make a completion and the mark that earns the credential. */
@Entity('programmes')
export class Programme {
  @ApiProperty({ format: 'uuid' }) @PrimaryGeneratedColumn('uuid') id: string;
  @ApiProperty() @Column() name: string;
  @ApiProperty({ format: 'date' }) @Column({ type: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) @Column({ type: 'date' }) endsOn: string;
  @ApiProperty({ type: [String], format: 'uuid' }) @Column('uuid', { array: true }) coreCourseIds: string[];
  @ApiProperty({ minimum: 0, maximum: 100 })
  @Column({ type: 'numeric', transformer: numeric })
  passMark: number;
  @ApiProperty({ type: Credential })
  @Column({ type: 'jsonb' })
  credential: Credential;
  @ApiProperty({ enum: PROGRAMME_STATUSES }) @Column({ type: 'text' }) status: ProgrammeStatus;
  @ApiProperty() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ApiProperty() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
