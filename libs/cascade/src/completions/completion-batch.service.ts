import { Injectable } from '@nestjs/common';
import { Actor, readBatchItem } from '@cascade/platform';
import {
  BatchCompletionItemDto,
  BatchCompletionResult,
  BatchCompletionsResult,
  CompletionItemStatus,
} from './completion-batch.dto';
import { CompletionCandidate, CompletionIngestService } from './completion-ingest.service';

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
      const read = readBatchItem(BatchCompletionItemDto, raw, `completions[${index}]`);
      if (read.reason !== undefined) {
        results[index] = { index, clientRef: read.clientRef, status: 'rejected', reason: read.reason };
        return;
      }
      const { item } = read;
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
