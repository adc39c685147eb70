import { Module } from '@nestjs/common';
import { CascadeCoreModule } from '@cascade/cascade';
import { ReferenceCoreModule } from '@cascade/reference';
import { CompletionsImporter } from './completions/completions-importer.service';
import { ImportQueue } from './imports/import-queue.service';
import { ImportRunner } from './jobs/import-run.service';
import { ImportsSweep } from './jobs/imports-sweep.service';
import { ImportsProcessor } from './jobs/imports.processor';
import { RosterBatch } from './roster/roster-batch.service';
import { RosterImporter } from './roster/roster-importer.service';

/** The worker's side of imports: the roster processor, its batches and the periodic sweep. */
@Module({
  // The cascade's enrolment rules and reference data's people, which a roster batch calls.
  imports: [CascadeCoreModule, ReferenceCoreModule],
  providers: [
    ImportsProcessor,
    ImportsSweep,
    ImportRunner,
    RosterImporter,
    CompletionsImporter,
    RosterBatch,
    ImportQueue,
  ],
  exports: [RosterImporter, CompletionsImporter, ImportsSweep],
})
export class ImportsJobsModule {}
