import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentActor, Roles } from '../../auth/decorators';
import { Actor } from '../../auth/roles';
import { BOARD_COOKIE, BOARD_PASS_SECONDS, BOARD_PATH, BoardPassService } from './board-pass.service';

@ApiTags('queues')
@ApiBearerAuth()
@Roles('admin')
@Controller('queue-board')
export class BoardController {
  constructor(private readonly passes: BoardPassService) {}

  @Post('session')
  @ApiOperation({ summary: 'Open the queue dashboard in this browser (a short-lived HttpOnly pass)' })
  @HttpCode(204)
  @ApiNoContentResponse({
    description: `Sets a ${BOARD_PASS_SECONDS / 60}-minute HttpOnly cookie that opens the queue dashboard at ${BOARD_PATH}/ in this browser`,
  })
  async open(@CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<void> {
    response.cookie(BOARD_COOKIE, await this.passes.issue(actor.userId), {
      httpOnly: true,
      sameSite: 'strict',
      secure: process.env.NODE_ENV === 'production',
      path: BOARD_PATH,
      maxAge: BOARD_PASS_SECONDS * 1000,
    });
  }
}
