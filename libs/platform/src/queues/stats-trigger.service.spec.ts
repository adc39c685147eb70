import { Queue } from 'bullmq';
import { DataSource, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { ROLLUP_REQUEST_WINDOW_MS, StatsTrigger } from './stats-trigger.service';

/** A queue that is connected and records each add. */
function fakeQueue() {
  const added: string[] = [];
  const queue = {
    name: 'stats',
    closing: undefined,
    client: Promise.resolve({ status: 'ready' }),
    add: async (_name: string, data: { programmeId: string }) => {
      added.push(data.programmeId);
      return { id: `job-${added.length}` };
    },
  };
  return { queue: queue as unknown as Queue, added };
}

/** A transaction that marked these programmes, committed through the trigger's hooks. */
async function commit(trigger: StatsTrigger, marked: string | null): Promise<void> {
  const queryRunner = { isTransactionActive: false, query: async () => [{ marked }] } as unknown as QueryRunner;
  const event = { queryRunner } as TransactionCommitEvent;
  await trigger.beforeTransactionCommit(event);
  trigger.afterTransactionCommit(event);
}

describe('StatsTrigger', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('requests one rollup per programme for the commits of one window, after them', async () => {
    const { queue, added } = fakeQueue();
    const trigger = new StatsTrigger(queue, {} as DataSource);
    await commit(trigger, 'p1');
    await commit(trigger, 'p1,p2');
    await commit(trigger, null);
    expect(added).toEqual([]);
    await jest.advanceTimersByTimeAsync(ROLLUP_REQUEST_WINDOW_MS);
    expect(added.sort()).toEqual(['p1', 'p2']);

    await commit(trigger, 'p1');
    await jest.advanceTimersByTimeAsync(ROLLUP_REQUEST_WINDOW_MS);
    expect(added.sort()).toEqual(['p1', 'p1', 'p2']);
  });

  it('requests what has gathered when the module stops, before the window ends', async () => {
    const { queue, added } = fakeQueue();
    const trigger = new StatsTrigger(queue, {} as DataSource);
    await commit(trigger, 'p3');
    await trigger.onModuleDestroy();
    expect(added).toEqual(['p3']);
    await jest.advanceTimersByTimeAsync(ROLLUP_REQUEST_WINDOW_MS);
    expect(added).toEqual(['p3']);
  });
});
