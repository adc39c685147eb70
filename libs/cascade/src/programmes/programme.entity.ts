import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numeric } from '@cascade/reference';

export const PROGRAMME_STATUSES = ['draft', 'active', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export interface Credential {
  title: string;
  level: string;
  issuer: string;
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
    example: { title: 'AI in Education', level: 'micro-credential', issuer: 'National Centre' },
  })
  @Column({ type: 'jsonb' })
  credential: Credential;
  @ApiProperty({ enum: PROGRAMME_STATUSES }) @Column({ type: 'text' }) status: ProgrammeStatus;
  @ApiProperty() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ApiProperty() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
