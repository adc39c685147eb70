import { DiscoveryService } from '@nestjs/core';
import { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import { ProcessorCheck } from './processor-check';
import { JobHandlers, QueueProcessor } from './queue-processor';
import { JobName, QUEUE_JOBS, QueueName } from './queues';

/** A processor that handles the given jobs of one queue and does nothing else. */
function processorFor<Q extends QueueName>(queue: Q, handles: JobName<Q>[]): QueueProcessor<Q> {
  class FakeProcessor extends QueueProcessor<Q> {
    readonly queue = queue;
    protected readonly handlers = Object.fromEntries(
      handles.map((job) => [job, async () => undefined]),
    ) as unknown as JobHandlers<Q>;
  }
  return new FakeProcessor();
}

function checkWith(...instances: unknown[]): ProcessorCheck {
  const discovery = { getProviders: () => instances.map((instance) => ({ instance }) as InstanceWrapper) };
  return new ProcessorCheck(discovery as unknown as DiscoveryService);
}

const everyProcessor = () =>
  (Object.keys(QUEUE_JOBS) as QueueName[]).map((queue) =>
    processorFor(queue, QUEUE_JOBS[queue] as JobName<QueueName>[]),
  );

describe('ProcessorCheck', () => {
  it('lets the worker start when every job of queues.ts has a processor', () => {
    expect(() => checkWith(...everyProcessor(), { unrelated: true }).onApplicationBootstrap()).not.toThrow();
  });

  it('refuses to start, naming the job, when one job has no processor', () => {
    const withoutRollup = everyProcessor().filter((p) => p.queue !== 'stats');
    expect(() => checkWith(...withoutRollup).onApplicationBootstrap()).toThrow(
      'worker: no processor for stats.rollup',
    );
  });

  it('names every missing job when there are no processors at all', () => {
    const expected = Object.entries(QUEUE_JOBS).flatMap(([queue, jobs]) =>
      jobs.map((job) => `${queue}.${job}`),
    );
    expect(() => checkWith().onApplicationBootstrap()).toThrow(
      `worker: no processor for ${expected.join(', ')}`,
    );
  });
});
