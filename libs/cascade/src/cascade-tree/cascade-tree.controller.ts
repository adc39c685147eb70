import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, READERS, Roles, UuidPipe } from '@cascade/platform';
import { CascadeTree } from './cascade-tree.dto';
import { CascadeTreeService } from './cascade-tree.service';

@ApiTags('cascade')
@ApiBearerAuth()
@Controller('programmes/:id/cascade')
export class CascadeTreeController {
  constructor(private readonly trees: CascadeTreeService) {}

  /**
   * Master teachers → cohorts they lead → participants (with generation) → cohorts those lead → …
   * A master teacher sees their own branch and the line of trainers above it.
   */
  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: CascadeTree })
  tree(@Param('id', UuidPipe) programmeId: string, @CurrentActor() actor: Actor): Promise<CascadeTree> {
    return this.trees.tree(programmeId, actor);
  }
}
