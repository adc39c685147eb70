import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CascadeCoreModule, MenteeSource } from '@cascade/cascade';
import './mentoring.constraints';
import { AssignmentsController } from './assignments/assignments.controller';
import { AssignmentsService } from './assignments/assignments.service';
import { MenteeCare } from './assignments/mentee-care';
import { MentoringAssignment } from './assignments/mentoring-assignment.entity';
import { MenteesController } from './mentees/mentees.controller';
import { MenteesService } from './mentees/mentees.service';
import { MentoringSession } from './sessions/mentoring-session.entity';
import { SessionIngestService } from './sessions/session-ingest.service';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';

/** Mentor–mentee assignments and the sessions devices log against them, also offline in batches. */
@Module({
  imports: [TypeOrmModule.forFeature([MentoringAssignment, MentoringSession]), CascadeCoreModule],
  controllers: [AssignmentsController, SessionsController, MenteesController],
  providers: [
    AssignmentsService,
    SessionsService,
    SessionIngestService,
    MenteesService,
    // Found by the cascade's access rule (CascadeAccess.careOf) without the cascade importing mentoring.
    { provide: MenteeSource, useClass: MenteeCare },
  ],
  exports: [AssignmentsService, SessionsService],
})
export class MentoringModule {}
