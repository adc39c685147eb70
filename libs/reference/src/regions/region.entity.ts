import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An aimag or the capital, coded by ISO 3166-2:MN (`MN-1` Ulaanbaatar, `MN-073` Arkhangai). */
@Entity('regions')
export class Region {
  @ApiProperty({ format: 'uuid' }) @PrimaryGeneratedColumn('uuid') id: string;
  @ApiProperty({ example: 'MN-073' }) @Column() code: string;
  @ApiProperty({ example: 'Arkhangai' }) @Column() name: string;
  @ApiProperty({ example: 'Архангай' }) @Column() nameMn: string;
  @ApiProperty() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ApiProperty() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
