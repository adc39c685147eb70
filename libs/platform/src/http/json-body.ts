import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import { json } from 'body-parser';
import { NextFunction, Request, RequestHandler, Response } from 'express';
import { RouteInfo } from './routes';

/** Login and ordinary writes: a few kB. A route that ingests in bulk says so with @BodyLimit. */
export const DEFAULT_BODY_LIMIT = '100kb';
/** Deeper than any DTO of the API; deeper still is an attack on the recursive code after parsing. */
export const MAX_JSON_DEPTH = 32;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const hasBody = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

const isJson = (req: Request) => {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
};

/**
 * Whether JSON text can hold no NUL character in any string or key. JSON cannot carry a raw one
 * (a control character in a string is a syntax error), only the escape `\u0000`; a body in UTF-16
 * or UTF-32 has zero bytes everywhere and so is never called free.
 */
export function jsonTextIsNulFree(text: Buffer): boolean {
  return !text.includes(0) && !text.includes('\\u0000');
}

/** Requests whose body text was NUL-free, between reading it and parsing it. */
const nulFreeText = new WeakSet<object>();

/** Parsed bodies whose text was NUL-free: the validation pipe need not walk them (500 sessions). */
const nulFreeBodies = new WeakSet<object>();

const isObjectOrArray = (value: unknown): value is object => typeof value === 'object' && value !== null;

export const isNulFreeBody = (value: unknown): boolean => isObjectOrArray(value) && nulFreeBodies.has(value);

/** Nesting depth without recursion, so a body nested a million deep cannot overflow the stack. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

interface JsonRoute {
  method: string;
  pattern: RegExp;
  multipart: boolean;
  parse: RequestHandler;
}

const patternOf = (path: string) =>
  new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}/?$`);

/**
 * The one JSON body parser of the API, in place of Nest's: each route's own size limit (the small
 * default unless it declares @BodyLimit), 415 for a body that is not JSON (multipart uploads
 * excepted), and 400 for one nested deeper than MAX_JSON_DEPTH. Bodies of unknown routes are not
 * read: the 404 needs none.
 */
export function jsonBodies(routes: RouteInfo[]): RequestHandler {
  const table: JsonRoute[] = routes
    .filter((route) => WRITES.has(route.method.toUpperCase()))
    .map((route) => ({
      method: route.method.toUpperCase(),
      pattern: patternOf(route.path),
      multipart: route.consumes.includes('multipart/form-data'),
      // The media type is checked above: any JSON type (`application/merge-patch+json`) is read.
      parse: json({
        limit: route.bodyLimit ?? DEFAULT_BODY_LIMIT,
        type: () => true,
        verify: (req, _res, text) => {
          if (jsonTextIsNulFree(text)) nulFreeText.add(req);
        },
      }),
    }));
  // Named like Nest's own parser, so Nest does not add a second one.
  return function jsonParser(req: Request, res: Response, next: NextFunction): void {
    if (!WRITES.has(req.method) || !hasBody(req)) return next();
    const route = table.find((r) => r.method === req.method && r.pattern.test(req.path));
    if (!route || route.multipart) return next();
    if (!isJson(req)) {
      return next(new UnsupportedMediaTypeException('content-type: the body must be application/json'));
    }
    route.parse(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (jsonDepth(req.body) > MAX_JSON_DEPTH) {
        return next(new BadRequestException(`body: nested deeper than ${MAX_JSON_DEPTH} levels`));
      }
      if (nulFreeText.has(req) && isObjectOrArray(req.body)) nulFreeBodies.add(req.body);
      next();
    });
  };
}
