import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what, when, from which request: every write leaves one. */
@Entity('audit_events')
export class AuditEvent {
  @ApiProperty({ description: 'a bigint, as text' })
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @ApiProperty()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @ApiProperty()
  @Column({ type: 'text' })
  actorEmail: string;

  /** `POST /api/v1/cohorts/:id/enrolments`, or a job's name such as `certification.evaluate`. */
  @ApiProperty({ example: 'POST /api/v1/cohorts/:id/enrolments' })
  @Column({ type: 'text' })
  action: string;

  /** The resource the route names (`cohorts`), and the id of the record written. */
  @ApiProperty({ example: 'cohorts' })
  @Column({ type: 'text' })
  entity: string;

  @ApiProperty({ nullable: true, type: String })
  @Column({ type: 'text', nullable: true })
  entityId: string | null;

  @ApiProperty({ nullable: true, type: String })
  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @ApiProperty({ nullable: true, type: Number })
  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  /** The request's parameters and body, secrets removed. */
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true })
  @Column({ type: 'jsonb', nullable: true })
  changes: Record<string, unknown> | null;
}
