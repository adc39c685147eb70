import { Job } from 'bullmq';
import { JobHandlers, QueueProcessor } from './queue-processor';

class StatsLike extends QueueProcessor<'stats'> {
  readonly queue = 'stats' as const;
  readonly seen: string[] = [];
  protected readonly handlers: JobHandlers<'stats'> = {
    rollup: async (job) => this.seen.push(`rollup ${job.data.programmeId}`),
    sweep: async () => this.seen.push('sweep'),
  };
}

const job = (name: string, data: unknown) => ({ name, data }) as Job;

describe('QueueProcessor', () => {
  it('hands each job to the handler of its name', async () => {
    const processor = new StatsLike();
    await processor.process(job('rollup', { programmeId: 'p1' }));
    await processor.process(job('sweep', {}));
    expect(processor.seen).toEqual(['rollup p1', 'sweep']);
  });

  it('names the jobs it handles for the start-up check', () => {
    expect(new StatsLike().handles).toEqual(['rollup', 'sweep']);
  });

  it('fails a job no handler is named for', async () => {
    await expect(new StatsLike().process(job('evaluate', {}))).rejects.toThrow(
      'stats: no handler for job evaluate',
    );
  });
});
