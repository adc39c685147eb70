import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numeric } from '@cascade/reference';

export const PROGRAMME_STATUSES = ['draft', 'active', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export const PARTICIPATION_FORMS = ['online', 'face_to_face', 'hybrid'] as const;
export type ParticipationForm = (typeof PARTICIPATION_FORMS)[number];

/** What the micro-credential states; the EU's mandatory elements are required to activate (micro-credential-elements.ts). */
export interface Credential {
  title: string;
  /** The title in Mongolian, like every other bilingual name. */
  titleMn?: string;
  level: string;
  /** The awarding body. */
  issuer: string;
  /** ISO 3166-1 alpha-2 country of the issuer. */
  country?: string;
  /** European Qualifications Framework level 1–8, where applicable. */
  eqfLevel?: number;
  assessmentType?: string;
  participationForm?: ParticipationForm;
  qualityAssurance?: string;
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
  @ApiProperty({
    example: {
      title: 'AI in Education',
      titleMn: 'Хиймэл оюун боловсролд',
      level: 'micro-credential',
      issuer: 'National Centre',
      country: 'MN',
      eqfLevel: 6,
      assessmentType: 'Portfolio and observed lesson, graded by the lead trainer',
      participationForm: 'hybrid',
      qualityAssurance: 'Internal review by the national centre',
    },
  })
  @Column({ type: 'jsonb' })
  credential: Credential;
  @ApiProperty({ enum: PROGRAMME_STATUSES }) @Column({ type: 'text' }) status: ProgrammeStatus;
  @ApiProperty() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ApiProperty() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
