import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person's role in a programme: generation 1 of its cascade. */
@Entity('master_teachers')
export class MasterTeacher {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') programmeId: string;
  @Column('uuid') personId: string;
  @Column({ type: 'date' }) trainedOn: string;
  @Column('uuid', { array: true }) regionIds: string[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
