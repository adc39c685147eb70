import { RequestMethod } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { IncomingMessage } from 'http';
import { hostname } from 'os';
import { Params } from 'nestjs-pino';
import { CascadeConfig } from '../config/config';

/** Structured JSON logs; every request gets an id (x-request-id when the client sends one). */
export function loggerParams(config: CascadeConfig): Params {
  return {
    // Nest 11's path syntax for "every route"; the library's default '*' logs a warning at each start.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.LOG_LEVEL,
      genReqId: (req: IncomingMessage) => {
        const given = req.headers['x-request-id'];
        return typeof given === 'string' && given.length <= 100 ? given : randomUUID();
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      // In the base bindings, not pino-http's customProps: those cost two child loggers per request.
      base: { pid: process.pid, hostname: hostname(), service: 'cascade' },
    },
  };
}
