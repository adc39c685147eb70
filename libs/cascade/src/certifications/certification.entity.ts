import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A programme's micro-credential held by a person; at most one not revoked per programme and person. */
@Entity('certifications')
export class Certification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') programmeId: string;
  @Column('uuid') personId: string;
  @Column() number: string;
  @Column({ type: 'date' }) issuedOn: string;
  @Column({ type: 'date', nullable: true }) revokedOn: string | null;
  @Column({ type: 'text', nullable: true }) revocationReason: string | null;
  /** Set by a manual revocation: the automatic evaluation issues no new one until a coordinator asks. */
  @Column() blocksReissue: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
