import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CascadeCoreModule } from '@cascade/cascade';
import { Import } from './imports/import.entity';
import { ImportQueue } from './imports/import-queue.service';
import { ImportsController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';

/** The imports API: upload a roster, follow it, read its row-level error report. */
@Module({
  imports: [TypeOrmModule.forFeature([Import]), CascadeCoreModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportQueue],
  exports: [ImportsService],
})
export class ImportsModule {}
