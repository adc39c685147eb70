import { Module } from '@nestjs/common';
import { TrainersService } from './trainers/trainers.service';

@Module({
  providers: [TrainersService],
  exports: [TrainersService],
})
export class CascadeModule {}
