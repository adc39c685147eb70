import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Language } from '../courses/course.entity';

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

/** An educator; a person may also be a trainer. Email is unique in any letter case. */
@Entity('people')
export class Person {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() fullName: string;
  @Column() email: string;
  @Column('uuid') institutionId: string;
  @Column({ type: 'text', nullable: true }) discipline: string | null;
  @Column({ type: 'text', nullable: true }) gender: Gender | null;
  @Column({ type: 'text' }) preferredLanguage: Language;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
