import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CascadeCoreModule } from '@cascade/cascade';
import './mentoring.constraints';
import { AssignmentsController } from './assignments/assignments.controller';
import { AssignmentsService } from './assignments/assignments.service';
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
  providers: [AssignmentsService, SessionsService, SessionIngestService, MenteesService],
  exports: [AssignmentsService, SessionsService],
})
export class MentoringModule {}
