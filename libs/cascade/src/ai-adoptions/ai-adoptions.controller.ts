import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Page, Roles, UuidPipe, RECORD_READERS } from '@cascade/platform';
import { AiAdoptionQuery, AiAdoptionView, CreateAiAdoptionDto } from './ai-adoption.dto';
import { AiAdoptionsService } from './ai-adoptions.service';

@ApiTags('AI adoptions')
@ApiBearerAuth()
@Controller('ai-adoptions')
export class AiAdoptionsController {
  constructor(private readonly adoptions: AiAdoptionsService) {}

  @Get()
  @Roles(...RECORD_READERS)
  @ApiOkResponse({ type: Page<AiAdoptionView> })
  list(@Query() query: AiAdoptionQuery, @CurrentActor() actor: Actor): Promise<Page<AiAdoptionView>> {
    return this.adoptions.list(query, actor);
  }

  /** Staff, or the person's lead trainer or mentor. */
  @Post()
  @Roles('admin', 'coordinator', 'master_teacher')
  @ApiCreatedResponse({ type: AiAdoptionView })
  record(@Body() dto: CreateAiAdoptionDto, @CurrentActor() actor: Actor): Promise<AiAdoptionView> {
    return this.adoptions.record(dto, actor);
  }

  /** Staff, or the person's lead trainer or mentor; 409 when already verified. */
  @Post(':id/verify')
  @HttpCode(200)
  @Roles('admin', 'coordinator', 'master_teacher')
  @ApiOkResponse({ type: AiAdoptionView })
  verify(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<AiAdoptionView> {
    return this.adoptions.verify(id, actor);
  }
}
