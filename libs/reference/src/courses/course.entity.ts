import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const LANGUAGES = ['mn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DELIVERY_MODES = ['online', 'face_to_face', 'hybrid'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** numeric columns arrive from pg as strings; the API speaks numbers. */
export const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity('courses')
export class Course {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() code: string;
  @Column() title: string;
  @Column() titleMn: string;
  @Column('int') workloadHours: number;
  @Column({ type: 'numeric', nullable: true, transformer: numeric }) ects: number | null;
  @Column('text', { array: true }) learningOutcomes: string[];
  @Column({ type: 'text' }) language: Language;
  @Column('text', { array: true }) deliveryModes: DeliveryMode[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
