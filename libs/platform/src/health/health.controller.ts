import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ErrorBody } from '../errors/error-body';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/decorators';
import { RedisHealthIndicator } from './redis.health';

const SERVICE_STATES = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'down'] } },
    additionalProperties: true,
  },
};

/** GET /api/health: PostgreSQL and Redis, no auth; 503 when either is down. */
@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  // Our responses sit above @HealthCheck(), so they replace the ones it documents.
  @ApiOperation({ summary: 'Health of PostgreSQL and Redis' })
  @ApiOkResponse({
    description: 'Both are up',
    schema: {
      type: 'object',
      required: ['status', 'details'],
      additionalProperties: false,
      properties: {
        status: { type: 'string', enum: ['ok'] },
        info: SERVICE_STATES,
        error: SERVICE_STATES,
        details: SERVICE_STATES,
      },
    },
  })
  @ApiServiceUnavailableResponse({
    type: ErrorBody,
    description: 'PostgreSQL or Redis is down: details name each one',
  })
  @Get()
  @Public()
  @HealthCheck()
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.postgres.pingCheck('postgres', { timeout: 1500 }),
        () => this.redis.check('redis'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // The error body names the services that are down in `message` and each service's state in `details`.
      const result = error.getResponse() as HealthCheckResult;
      const down = Object.entries(result.error ?? {}).map(([name, state]) =>
        state?.message ? `${name}: down (${String(state.message)})` : `${name}: down`,
      );
      const details = Object.entries(result.details).map(([field, state]) => ({
        field,
        problems: [state.status],
      }));
      throw new ServiceUnavailableException({ message: down.join('; '), details });
    }
  }
}
