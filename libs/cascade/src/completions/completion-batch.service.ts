import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { Actor } from '@cascade/platform';
import {
  BatchCompletionItemDto,
  BatchCompletionResult,
  BatchCompletionsResult,
  CompletionItemStatus,
} from './completion-batch.dto';
import { CompletionCandidate, CompletionIngestService } from './completion-ingest.service';

/** `score: score must not be greater than 100`, as the validation pipe words it. */
function fieldProblems(errors: ValidationError[]): string {
  return errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`).join('; ');
}

/**
 * `POST /cohorts/:id/completions/batch`: new completions and corrections (items naming a
 * completionId) in one request. Each item is validated on its own, so one bad item is rejected with
 * its reason while the valid ones are stored; the answer lists every item in order.
 */
@Injectable()
export class CompletionBatchService {
  constructor(private readonly ingest: CompletionIngestService) {}

  async batch(cohortId: string, items: unknown[], actor: Actor): Promise<BatchCompletionsResult> {
    const results: BatchCompletionResult[] = new Array(items.length);
    const candidates: CompletionCandidate[] = [];
    items.forEach((raw, index) => {
      const ref = (raw as { clientRef?: unknown } | null)?.clientRef;
      const clientRef = typeof ref === 'string' ? ref : null;
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        results[index] = {
          index,
          clientRef,
          status: 'rejected',
          reason: `completions[${index}]: must be an object`,
        };
        return;
      }
      const item = plainToInstance(BatchCompletionItemDto, raw);
      const errors = validateSync(item, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length > 0) {
        results[index] = { index, clientRef, status: 'rejected', reason: fieldProblems(errors) };
        return;
      }
      const { personId, courseId, completedOn, score, completionId } = item;
      candidates.push({
        index,
        clientRef: item.clientRef,
        personId,
        courseId,
        completedOn,
        score: score ?? null,
        completionId,
      });
    });
    for (const outcome of await this.ingest.ingest(cohortId, candidates, actor))
      results[outcome.index] = outcome;
    const count = (status: CompletionItemStatus) => results.filter((r) => r.status === status).length;
    return {
      results,
      created: count('created'),
      corrected: count('corrected'),
      duplicate: count('duplicate'),
      conflict: count('conflict'),
      rejected: count('rejected'),
    };
  }
}
