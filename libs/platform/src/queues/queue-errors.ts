import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { QUEUE_NAMES } from './queues';

/**
 * Without a listener BullMQ prints a queue's connection errors to the console, outside the JSON
 * log, once per reconnection attempt. Here each is logged once, until the connection is back.
 */
@Injectable()
export class QueueErrors implements OnModuleInit {
  private readonly logger = new Logger('Queues');

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of QUEUE_NAMES) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      let last: string | undefined;
      queue.on('error', (error: Error) => {
        if (error.message === last) return;
        last = error.message;
        this.logger.warn(`${name} queue: ${error.message}`);
      });
      queue.client.then((client) => client.on('ready', () => (last = undefined))).catch(() => undefined);
    }
  }
}
