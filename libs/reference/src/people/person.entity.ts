import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Language, LANGUAGES } from '../courses/course.entity';

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

/** An educator; a person may also be a trainer. Email is unique in any letter case. */
@Entity('people')
export class Person {
  @ApiProperty({ format: 'uuid' }) @PrimaryGeneratedColumn('uuid') id: string;
  @ApiProperty({ example: 'Батбаярын Сарантуяа' }) @Column() fullName: string;
  @ApiProperty({ example: 'sarantuya@example.mn' }) @Column() email: string;
  @ApiProperty({ format: 'uuid' }) @Column('uuid') institutionId: string;
  @ApiProperty({ example: 'Mathematics', nullable: true, type: String })
  @Column({ type: 'text', nullable: true })
  discipline: string | null;
  @ApiProperty({ enum: GENDERS, nullable: true })
  @Column({ type: 'text', nullable: true })
  gender: Gender | null;
  @ApiProperty({ enum: LANGUAGES }) @Column({ type: 'text' }) preferredLanguage: Language;
  @ApiProperty() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ApiProperty() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
