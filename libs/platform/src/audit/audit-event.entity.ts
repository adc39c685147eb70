import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what, when, from which request: every write leaves one. */
@Entity('audit_events')
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text' })
  actorEmail: string;

  /** `POST /api/v1/cohorts/:id/enrolments`, or a job's name such as `certification.evaluate`. */
  @Column({ type: 'text' })
  action: string;

  /** The resource the route names (`cohorts`), and the id of the record written. */
  @Column({ type: 'text' })
  entity: string;

  @Column({ type: 'text', nullable: true })
  entityId: string | null;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  /** The request's parameters and body, secrets removed. */
  @Column({ type: 'jsonb', nullable: true })
  changes: Record<string, unknown> | null;
}
