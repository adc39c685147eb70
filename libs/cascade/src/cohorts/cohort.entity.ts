import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DeliveryMode, Language } from '@cascade/reference';

/** A regional training group of a round, led by a trainer of the programme. */
@Entity('cohorts')
export class Cohort {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Copied from the round; the composite foreign key fk_cohorts_round keeps them equal. */
  @Column('uuid') programmeId: string;
  @Column('uuid') roundId: string;
  @Column() name: string;
  @Column({ type: 'text', nullable: true }) nameMn: string | null;
  @Column('uuid') regionId: string;
  @Column('uuid') leadTrainerId: string;
  @Column('uuid', { array: true }) courseIds: string[];
  @Column({ type: 'text' }) deliveryMode: DeliveryMode;
  @Column({ type: 'text' }) language: Language;
  @Column('int') capacity: number;
  @Column({ type: 'date' }) startsOn: string;
  @Column({ type: 'date' }) endsOn: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
