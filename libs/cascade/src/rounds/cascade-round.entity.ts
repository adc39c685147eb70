import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A planned wave of a programme; rounds are ordered by number. */
@Entity('cascade_rounds')
export class CascadeRound {
  @ApiProperty({ format: 'uuid' }) @PrimaryGeneratedColumn('uuid') id: string;
  @ApiProperty({ format: 'uuid' }) @Column('uuid') programmeId: string;
  @ApiProperty() @Column('int') number: number;
  @ApiProperty() @Column() name: string;
  @ApiProperty({ nullable: true, type: String, description: 'The name in Mongolian' })
  @Column({ type: 'text', nullable: true })
  nameMn: string | null;
  @ApiProperty({ format: 'date' }) @Column({ type: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) @Column({ type: 'date' }) endsOn: string;
  @ApiProperty() @Column('int') targetParticipants: number;
  @ApiProperty({ type: [String], format: 'uuid' }) @Column('uuid', { array: true }) regionIds: string[];
  @ApiProperty() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ApiProperty() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
