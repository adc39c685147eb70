import { Queue } from 'bullmq';
import { EventEmitter } from 'events';
import {
  DataSource,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  TransactionStartEvent,
} from 'typeorm';
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

/** A transaction on one pooled connection whose statements marked these programmes (in notices), then ended. */
async function transaction(
  trigger: StatsTrigger,
  connection: EventEmitter,
  notices: string[],
  end: 'commit' | 'rollback' = 'commit',
): Promise<void> {
  const queryRunner = {
    isTransactionActive: true,
    connect: async () => connection,
  } as unknown as QueryRunner;
  await trigger.afterTransactionStart({ queryRunner } as TransactionStartEvent);
  for (const message of notices) connection.emit('notice', { message });
  Object.assign(queryRunner, { isTransactionActive: false });
  if (end === 'commit') await trigger.afterTransactionCommit({ queryRunner } as TransactionCommitEvent);
  else await trigger.afterTransactionRollback({ queryRunner } as TransactionRollbackEvent);
}

describe('StatsTrigger', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('requests one rollup per programme for the commits of one window, after them', async () => {
    const { queue, added } = fakeQueue();
    const trigger = new StatsTrigger(queue, {} as DataSource);
    const connection = new EventEmitter();
    await transaction(trigger, connection, ['cascade.dirty_programmes p1']);
    await transaction(trigger, connection, ['cascade.dirty_programmes p1,p2', 'another notice']);
    await transaction(trigger, new EventEmitter(), []);
    expect(added).toEqual([]);
    await jest.advanceTimersByTimeAsync(ROLLUP_REQUEST_WINDOW_MS);
    expect(added.sort()).toEqual(['p1', 'p2']);

    await transaction(trigger, connection, ['cascade.dirty_programmes p1']);
    await jest.advanceTimersByTimeAsync(ROLLUP_REQUEST_WINDOW_MS);
    expect(added.sort()).toEqual(['p1', 'p1', 'p2']);
  });

  it('requests nothing for a rolled-back transaction, nor for a notice outside any transaction', async () => {
    const { queue, added } = fakeQueue();
    const trigger = new StatsTrigger(queue, {} as DataSource);
    const connection = new EventEmitter();
    await transaction(trigger, connection, ['cascade.dirty_programmes p4'], 'rollback');
    connection.emit('notice', { message: 'cascade.dirty_programmes p5' });
    await transaction(trigger, connection, []);
    await jest.advanceTimersByTimeAsync(ROLLUP_REQUEST_WINDOW_MS);
    expect(added).toEqual([]);
  });

  it('requests what has gathered when the module stops, before the window ends', async () => {
    const { queue, added } = fakeQueue();
    const trigger = new StatsTrigger(queue, {} as DataSource);
    await transaction(trigger, new EventEmitter(), ['cascade.dirty_programmes p3']);
    await trigger.onModuleDestroy();
    expect(added).toEqual(['p3']);
    await jest.advanceTimersByTimeAsync(ROLLUP_REQUEST_WINDOW_MS);
    expect(added).toEqual(['p3']);
  });
});
