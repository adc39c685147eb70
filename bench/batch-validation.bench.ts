/**
 * CPU time of validating one session batch body of 500 items in this process, no HTTP, no
 * database (issue 19 goal 4), three ways the items have been read, each without and with the
 * class-validator rule cache: `copied` (until 2026-11-30: the pipe copied the envelope's items
 * as plain objects, then plainToInstance and validateSync per item), `built` (the pipe's one
 * transform pass built the items, each validated on its own) and `as sent` (today:
 * BatchEnvelopePipe checks the envelope, readBatchItem puts each item's fields on its DTO as
 * sent and validates it, no class-transformer). Then the NUL walk every body took before
 * 2026-11-30 (third session) beside the check of the body's text that now spares it.
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/batch-validation.bench.ts
 * CPU time (process.cpuUsage), not wall time: on a shared machine it moves far less with the load.
 */
import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { validateSync } from 'class-validator';
import { BatchEnvelopePipe, fieldProblems, readBatchItem } from '@cascade/platform';
import { cacheValidationRules } from '../libs/platform/src/errors/validation-rules-cache';
import { fieldsWithNul } from '../libs/platform/src/errors/validation.pipe';
import { jsonTextIsNulFree } from '../libs/platform/src/http/json-body';
import { BatchSessionItemDto, BatchSessionsDto } from '../libs/mentoring/src/sessions/session.dto';
// Every DTO of the API registered, as in the running API: class-validator's look-up scans them all.
import '../apps/api/src/api.module';

const ROUNDS = 10;
const BATCHES_PER_ROUND = 20;
const NOTES =
  'Хичээлийн төлөвлөгөөг хиймэл оюун ухаанаар хамтдаа боловсруулж, үнэлгээний даалгаврыг хэлэлцэв. ';
const body = JSON.stringify({
  sessions: Array.from({ length: 500 }, (_, k) => ({
    assignmentId: '3f2b8c1e-8f5a-4c7d-9b1e-2a3c4d5e6f70',
    clientRef: `batch-0-${k}`,
    occurredAt: new Date(Date.parse('2025-01-02T00:00:00Z') + k * 60_000).toISOString(),
    durationMinutes: 30 + (k % 90),
    mode: 'online',
    topics: ['lesson planning', 'assessment design'],
    notes: NOTES,
  })),
});

/** The envelope as it was first declared: no @Type, so the pipe copied the items as plain objects. */
class CopiedEnvelope {
  sessions: unknown[];
}

/** The envelope as it was declared next: the pipe's transform pass built the items. */
class BuiltEnvelope {
  @Type(() => BatchSessionItemDto) sessions: unknown[];
}

const ITEM_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  validationError: { target: false, value: false },
};
const validated = (item: object) => {
  const errors = validateSync(item, ITEM_OPTIONS);
  if (errors.length > 0) throw new Error(fieldProblems(errors));
};
const envelopePipe = new BatchEnvelopePipe(BatchSessionsDto);

const ways: Record<string, () => void> = {
  copied: () => {
    const { sessions } = plainToInstance(CopiedEnvelope, JSON.parse(body));
    for (const raw of sessions) validated(plainToInstance(BatchSessionItemDto, raw as object));
  },
  built: () => {
    const { sessions } = plainToInstance(BuiltEnvelope, JSON.parse(body));
    for (const item of sessions) validated(item as object);
  },
  'as sent': () => {
    const { sessions } = envelopePipe.transform(JSON.parse(body));
    sessions.forEach((raw, i) => {
      const read = readBatchItem(BatchSessionItemDto, raw, `sessions[${i}]`);
      if (read.reason !== undefined) throw new Error(read.reason);
    });
  },
};

function cpuPerRun(run: () => void): number {
  run(); // warm
  const start = process.cpuUsage();
  for (let i = 0; i < BATCHES_PER_ROUND; i++) run();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000 / BATCHES_PER_ROUND;
}

function measure(label: string, measured: Record<string, () => void>): void {
  const perBatch: Record<string, number[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(measured)) (perBatch[name] ??= []).push(cpuPerRun(run));
  }
  for (const [name, values] of Object.entries(perBatch)) {
    const median = [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    process.stdout.write(`${name.padEnd(9)} ${label}: ${median.toFixed(2)} ms CPU per batch of 500\n`);
  }
}

measure('without the rule cache', ways);
cacheValidationRules();
measure('with the rule cache   ', ways);

const text = Buffer.from(body);
const parsed: unknown = JSON.parse(body);
measure('NUL check', {
  walk: () => {
    if (fieldsWithNul(parsed).length > 0) throw new Error('NUL');
  },
  'text scan': () => {
    if (!jsonTextIsNulFree(text)) throw new Error('NUL');
  },
});
