import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const AI_ADOPTION_KINDS = ['curriculum', 'instruction', 'assessment', 'other'] as const;
export type AiAdoptionKind = (typeof AI_ADOPTION_KINDS)[number];

/** Evidence that an educator uses AI in teaching; it counts only once verified. */
@Entity('ai_adoptions')
export class AiAdoption {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') personId: string;
  @Column('uuid') programmeId: string;
  @Column({ type: 'date' }) observedOn: string;
  @Column({ type: 'text' }) kind: AiAdoptionKind;
  @Column() description: string;
  @Column({ type: 'text', nullable: true }) evidenceUrl: string | null;
  /** The user who recorded the evidence. */
  @Column({ type: 'uuid', nullable: true }) recordedBy: string | null;
  /** The user who verified it. */
  @Column({ type: 'uuid', nullable: true }) verifiedBy: string | null;
  @Column({ type: 'date', nullable: true }) verifiedOn: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
