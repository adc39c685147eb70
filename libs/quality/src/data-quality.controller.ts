import { Controller, Get, Param, ParseEnumPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cascade/platform';
import { DATA_QUALITY_CHECKS, DataQualityCheck, DataQualityRow } from './data-quality.checks';
import {
  DataQualityListQuery,
  DataQualityPage,
  DataQualityQuery,
  DataQualitySummary,
} from './data-quality.dto';
import { DataQualityService } from './data-quality.service';

const CHECK_VALUES = Object.fromEntries(DATA_QUALITY_CHECKS.map((check) => [check, check]));

@ApiTags('data-quality')
@ApiBearerAuth()
@Roles('admin', 'coordinator')
@Controller('data-quality')
export class DataQualityController {
  constructor(private readonly quality: DataQualityService) {}

  @Get()
  @ApiOperation({ summary: 'How many records each data-quality check finds' })
  @ApiOkResponse({ type: DataQualitySummary, description: 'How many records each check finds' })
  async summary(@Query() query: DataQualityQuery): Promise<DataQualitySummary> {
    return { checks: await this.quality.counts(query.programmeId) };
  }

  @Get(':check')
  @ApiOperation({ summary: "A data-quality check's records, a page at a time" })
  @ApiParam({ name: 'check', enum: DATA_QUALITY_CHECKS, description: 'The name of the check' })
  @ApiOkResponse({ type: DataQualityPage, description: "The check's records, oldest problem first" })
  list(
    @Param('check', new ParseEnumPipe(CHECK_VALUES)) check: DataQualityCheck,
    @Query() query: DataQualityListQuery,
  ): Promise<{ items: DataQualityRow[]; total: number; limit: number; offset: number }> {
    return this.quality.list(check, query);
  }
}
