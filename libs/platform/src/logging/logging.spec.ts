import { IncomingMessage, ServerResponse } from 'http';
import { Socket } from 'net';
import { Writable } from 'stream';
import { pinoHttp } from 'pino-http';
import { CascadeConfig } from '../config/config';
import { loggerParams } from './logging';

type LogLine = Record<string, any>; // any: a line holds whatever pino wrote

/** One request through the API's pino-http options; the JSON lines it wrote. */
function logOne(level: string, headers: Record<string, string>): LogLine[] {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const options = loggerParams({ LOG_LEVEL: level } as CascadeConfig).pinoHttp as object;
  const middleware = pinoHttp({ ...options, stream } as never);
  const req = new IncomingMessage(new Socket());
  Object.assign(req, { method: 'POST', url: '/api/v1/things', headers });
  const res = new ServerResponse(req);
  middleware(req as never, res as never, () => undefined);
  (req as unknown as { log: { warn: (m: string) => void } }).log.warn('inside the request');
  Object.defineProperty(res, 'writableEnded', { value: true }); // answered: no socket needed
  res.emit('finish');
  return lines.map((line) => JSON.parse(line) as LogLine);
}

describe('loggerParams', () => {
  it('names the service and the request id on every request line, without the credentials', () => {
    const lines = logOne('info', { 'x-request-id': 'req-1', authorization: 'Bearer secret' });
    expect(lines.map((l) => l.msg)).toEqual(['inside the request', 'request completed']);
    for (const line of lines) {
      expect(line).toMatchObject({ service: 'cascade', req: { id: 'req-1', method: 'POST' } });
      expect(line.req.headers.authorization).toBe('[Redacted]');
    }
  });

  it('writes only what the level asks for', () => {
    const lines = logOne('warn', {});
    expect(lines.map((l) => l.msg)).toEqual(['inside the request']);
    expect(lines[0].req.id).toEqual(expect.any(String));
  });
});
