/**
 * The framework's floor for logging one session (bench/single-session.bench.ts): a bare Nest app
 * on the API's HTTP adapter (Express) with the same route, the same DTO and the same validation
 * pipe, answering 201 with the session it would store — no database, Redis, auth, audit, logs,
 * helmet or compression. What the API spends above it is Cascade's own per-request work.
 *
 * Run as a child process (child_process.fork with ts-node's register hook): it listens on a free
 * port of 127.0.0.1 and sends `{ port }` to its parent.
 */
import { randomUUID } from 'crypto';
import { Body, Controller, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { cascadeValidationPipe } from '../libs/platform/src/errors/validation.pipe';
import { CreateSessionDto } from '../libs/mentoring/src/sessions/session.dto';

@Controller('api/v1/mentoring')
class FloorController {
  @Post('assignments/:id/sessions')
  log(@Param('id') assignmentId: string, @Body() dto: CreateSessionDto) {
    const now = new Date();
    return {
      id: randomUUID(),
      assignmentId,
      occurredAt: dto.occurredAt,
      durationMinutes: dto.durationMinutes,
      mode: dto.mode,
      topics: dto.topics ?? [],
      notes: dto.notes ?? null,
      clientRef: dto.clientRef,
      recordedBy: assignmentId,
      createdAt: now,
      updatedAt: now,
    };
  }
}

@Module({ controllers: [FloorController] })
class FloorModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(FloorModule, { logger: false });
  app.useGlobalPipes(cascadeValidationPipe());
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  process.send!({ port: address.port });
}

void main();
