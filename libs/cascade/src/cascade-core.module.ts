import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CascadeAccess } from './access';
import { AiAdoption } from './ai-adoptions/ai-adoption.entity';
import { AiAdoptionsService } from './ai-adoptions/ai-adoptions.service';
import { CascadeTreeService } from './cascade-tree/cascade-tree.service';
import { Certification } from './certifications/certification.entity';
import { CertificationEvaluator } from './certifications/certification-evaluator';
import { CertificationQueue } from './certifications/certification-queue';
import { CertificationsService } from './certifications/certifications.service';
import { Cohort } from './cohorts/cohort.entity';
import { CohortsService } from './cohorts/cohorts.service';
import { CourseCompletion } from './completions/course-completion.entity';
import { CompletionBatchService } from './completions/completion-batch.service';
import { CompletionIngestService } from './completions/completion-ingest.service';
import { CompletionsService } from './completions/completions.service';
import { Enrolment } from './enrolments/enrolment.entity';
import { EnrolmentsService } from './enrolments/enrolments.service';
import { MasterTeacher } from './master-teachers/master-teacher.entity';
import { MasterTeachersService } from './master-teachers/master-teachers.service';
import { Programme } from './programmes/programme.entity';
import { ProgrammesService } from './programmes/programmes.service';
import { CascadeRound } from './rounds/cascade-round.entity';
import { RoundsService } from './rounds/rounds.service';
import './shared/constraints';
import { TrainersService } from './trainers/trainers.service';

const services = [
  CascadeAccess,
  TrainersService,
  ProgrammesService,
  MasterTeachersService,
  RoundsService,
  CohortsService,
  EnrolmentsService,
  CompletionsService,
  CompletionIngestService,
  CompletionBatchService,
  CertificationQueue,
  CertificationEvaluator,
  CertificationsService,
  AiAdoptionsService,
  CascadeTreeService,
];

/** The cascade's entities and services, shared by its HTTP side (CascadeModule) and its jobs (CascadeJobsModule). */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Programme,
      MasterTeacher,
      CascadeRound,
      Cohort,
      Enrolment,
      CourseCompletion,
      Certification,
      AiAdoption,
    ]),
  ],
  providers: services,
  exports: [...services, TypeOrmModule],
})
export class CascadeCoreModule {}
