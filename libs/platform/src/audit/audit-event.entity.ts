import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what, when, from which request: every write leaves one. */
@Entity('audit_events')
export class AuditEvent {
  @ApiProperty({ description: 'A bigint, as a string', example: '1042' })
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
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

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The id of the record written, as the route named it',
  })
  @Column({ type: 'text', nullable: true })
  entityId: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The request's id (the x-request-id header)" })
  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  /** The request's parameters and body, secrets removed. */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  changes: Record<string, unknown> | null;
}
