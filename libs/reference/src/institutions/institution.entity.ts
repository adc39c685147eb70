import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const INSTITUTION_KINDS = ['university', 'college', 'institute', 'other'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

@Entity('institutions')
export class Institution {
  @ApiProperty({ format: 'uuid' }) @PrimaryGeneratedColumn('uuid') id: string;
  @ApiProperty({ example: 'Mongolian State University of Education' }) @Column() name: string;
  @ApiProperty({ example: 'Монгол Улсын Боловсролын Их Сургууль' }) @Column() nameMn: string;
  @ApiProperty({ format: 'uuid' }) @Column('uuid') regionId: string;
  @ApiProperty({ enum: INSTITUTION_KINDS }) @Column({ type: 'text' }) kind: InstitutionKind;
  @ApiProperty() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ApiProperty() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
