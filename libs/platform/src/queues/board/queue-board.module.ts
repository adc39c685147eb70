import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../../auth/user.entity';
import { QUEUE_NAMES } from '../queues';
import { BoardController } from './board.controller';
import { BOARD_ROUTE, BoardPassService } from './board-pass.service';

@Module({
  imports: [TypeOrmModule.forFeature([User])],
  providers: [BoardPassService],
  exports: [BoardPassService],
})
class BoardPassModule {}

/** bull-board over every queue at /api/v1/queues, for admins only (see BoardPassService). */
@Module({
  imports: [
    BoardPassModule,
    BullBoardModule.forRootAsync({
      imports: [BoardPassModule],
      inject: [BoardPassService],
      useFactory: (passes: BoardPassService) => ({
        route: BOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: passes.middleware(),
        boardOptions: { uiConfig: { boardTitle: 'Cascade queues' } },
      }),
    }),
    ...QUEUE_NAMES.map((name) => BullBoardModule.forFeature({ name, adapter: BullMQAdapter })),
  ],
  controllers: [BoardController],
})
export class QueueBoardModule {}
