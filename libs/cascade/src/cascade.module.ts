import { Module } from '@nestjs/common';
import { ReferenceModule } from '@cascade/reference';
import { AiAdoptionsController } from './ai-adoptions/ai-adoptions.controller';
import { CascadeCoreModule } from './cascade-core.module';
import { CascadeTreeController } from './cascade-tree/cascade-tree.controller';
import { CertificationsController } from './certifications/certifications.controller';
import { CohortsController } from './cohorts/cohorts.controller';
import { CohortCompletionsController } from './completions/cohort-completions.controller';
import { CompletionsController } from './completions/completions.controller';
import { EnrolmentsController } from './enrolments/enrolments.controller';
import { MasterTeachersController } from './master-teachers/master-teachers.controller';
import { PeopleRecordController } from './people-record/people-record.controller';
import { PeopleRecordService } from './people-record/people-record.service';
import { ProgrammesController } from './programmes/programmes.controller';
import { RoundsController } from './rounds/rounds.controller';
import { TrainersController } from './trainers/trainers.controller';

/** The cascade's HTTP side: programmes, master teachers, rounds, cohorts, enrolments, completions, certifications. */
@Module({
  imports: [CascadeCoreModule, ReferenceModule],
  controllers: [
    ProgrammesController,
    MasterTeachersController,
    RoundsController,
    TrainersController,
    CohortsController,
    EnrolmentsController,
    CompletionsController,
    CohortCompletionsController,
    CertificationsController,
    AiAdoptionsController,
    CascadeTreeController,
    PeopleRecordController,
  ],
  providers: [PeopleRecordService],
  exports: [CascadeCoreModule],
})
export class CascadeModule {}
