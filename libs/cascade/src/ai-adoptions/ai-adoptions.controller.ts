import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Page, pageOf, RECORD_READERS, Roles, UuidParam } from '@cascade/platform';
import { AiAdoptionQuery, AiAdoptionView, CreateAiAdoptionDto } from './ai-adoption.dto';
import { AiAdoptionsService } from './ai-adoptions.service';

@ApiTags('AI adoptions')
@ApiBearerAuth()
@Controller('ai-adoptions')
export class AiAdoptionsController {
  constructor(private readonly adoptions: AiAdoptionsService) {}

  @Get()
  @ApiOperation({ summary: 'List AI-adoption evidence' })
  @Roles(...RECORD_READERS)
  @ApiOkResponse({ type: pageOf(AiAdoptionView) })
  list(@Query() query: AiAdoptionQuery, @CurrentActor() actor: Actor): Promise<Page<AiAdoptionView>> {
    return this.adoptions.list(query, actor);
  }

  /** Staff, or the person's lead trainer or mentor. */
  @Post()
  @ApiOperation({ summary: 'Record evidence that an educator uses AI in teaching' })
  @Roles('admin', 'coordinator', 'master_teacher')
  @ApiCreatedResponse({ type: AiAdoptionView })
  record(@Body() dto: CreateAiAdoptionDto, @CurrentActor() actor: Actor): Promise<AiAdoptionView> {
    return this.adoptions.record(dto, actor);
  }

  /** Staff, or the person's lead trainer or mentor; 409 when already verified. */
  @Post(':id/verify')
  @ApiOperation({ summary: 'Verify AI-adoption evidence (it counts only once verified)' })
  @HttpCode(200)
  @Roles('admin', 'coordinator', 'master_teacher')
  @ApiOkResponse({ type: AiAdoptionView })
  verify(@UuidParam('id') id: string, @CurrentActor() actor: Actor): Promise<AiAdoptionView> {
    return this.adoptions.verify(id, actor);
  }
}
