import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { QueueProcessor } from './queue-processor';
import { QUEUE_JOBS, QueueName } from './queues';

/** The worker's start-up check: every job named in queues.ts has a processor. */
@Injectable()
export class ProcessorCheck implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const handled = new Set<string>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (instance instanceof QueueProcessor) {
        const processor = instance as QueueProcessor<QueueName>;
        for (const job of processor.handles) handled.add(`${processor.queue}.${job}`);
      }
    }
    const missing = Object.entries(QUEUE_JOBS)
      .flatMap(([queue, jobs]) => jobs.map((job) => `${queue}.${job}`))
      .filter((name) => !handled.has(name));
    if (missing.length > 0) throw new Error(`worker: no processor for ${missing.join(', ')}`);
  }
}
