import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const LANGUAGES = ['mn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DELIVERY_MODES = ['online', 'face_to_face', 'hybrid'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** numeric columns arrive from pg as strings; the API speaks numbers. */
export const numeric = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

@Entity('courses')
export class Course {
  @ApiProperty({ format: 'uuid' }) @PrimaryGeneratedColumn('uuid') id: string;
  @ApiProperty({ example: 'AI-101' }) @Column() code: string;
  @ApiProperty({ example: 'Generative AI in the classroom' }) @Column() title: string;
  @ApiProperty({ example: 'Хиймэл оюун ухаан ангид' }) @Column() titleMn: string;
  @ApiProperty({ example: 30 }) @Column('int') workloadHours: number;
  @ApiProperty({ example: 1.5, nullable: true, type: Number })
  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  ects: number | null;
  @ApiProperty({ type: [String] }) @Column('text', { array: true }) learningOutcomes: string[];
  @ApiProperty({ enum: LANGUAGES }) @Column({ type: 'text' }) language: Language;
  @ApiProperty({ enum: DELIVERY_MODES, isArray: true })
  @Column('text', { array: true })
  deliveryModes: DeliveryMode[];
  @ApiProperty() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ApiProperty() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
