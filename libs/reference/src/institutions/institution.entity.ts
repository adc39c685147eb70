import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const INSTITUTION_KINDS = ['university', 'college', 'institute', 'other'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

@Entity('institutions')
export class Institution {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
  @Column() nameMn: string;
  @Column('uuid') regionId: string;
  @Column({ type: 'text' }) kind: InstitutionKind;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
