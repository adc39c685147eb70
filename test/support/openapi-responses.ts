import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { NextFunction, Request, RequestHandler, Response } from 'express';
import { OpenAPIObject } from '@nestjs/swagger';

/** JSON-pointer escaping of one path segment. */
const pointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** OpenAPI 3.0's `nullable` as JSON Schema, for the validator's own copy of the document. */
function asJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const converted = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, asJsonSchema(value)]),
  );
  if (converted.nullable !== true) return converted;
  const { nullable: _nullable, description, ...rest } = converted;
  return { description, anyOf: [{ type: 'null' }, rest] };
}

/**
 * Checks every JSON response of the app against the OpenAPI document it serves: the status must
 * be documented for the operation and the body must match its schema. What does not match is
 * collected in `violations`; the test app fails its suite with them when it closes.
 */
export function openApiResponseChecker(document: OpenAPIObject): {
  middleware: RequestHandler;
  violations: string[];
} {
  const violations: string[] = [];
  const ajv = new Ajv({ strict: false, allErrors: true, multipleOfPrecision: 8 });
  addFormats(ajv);
  ajv.addSchema(asJsonSchema(document) as object, 'openapi');
  const compiled = new Map<string, ValidateFunction | undefined>();
  const validatorAt = (ref: string) => {
    if (!compiled.has(ref)) compiled.set(ref, ajv.getSchema(ref));
    return compiled.get(ref);
  };

  const check = (req: Request, res: Response, status: number, body: unknown): void => {
    // JSON-LD credentials and the like are documented under their own media type.
    const type = String(res.getHeader('content-type') ?? 'application/json');
    if (status < 400 && !type.startsWith('application/json')) return;
    const matched = (req.route as { path?: string } | undefined)?.path;
    // Nest answers unknown routes from a catch-all (`/{*splat}`): those are plain errors.
    const routePath = matched?.includes('*') ? undefined : matched;
    const method = req.method.toLowerCase();
    let ref = 'openapi#/components/schemas/ErrorBody';
    // A router mounted under a path (bull-board's queue dashboard) is no part of the document:
    // only its refusals, which our middleware answers, must be the API's error body.
    if (routePath && req.baseUrl) {
      if (status < 400) return;
    } else if (routePath) {
      const path = routePath.replace(/:(\w+)/g, '{$1}');
      const responses = document.paths[path]?.[method as 'get']?.responses as
        Record<string, unknown> | undefined;
      const where = `${req.method} ${path} → ${status}`;
      if (!responses) {
        // A route left out of the document on purpose (did:web's document) still errs with the error body.
        if (status < 400) return void violations.push(`${where}: no such operation in the document`);
      } else {
        if (!responses[String(status)]) return void violations.push(`${where}: status not documented`);
        const content = (responses[String(status)] as { content?: Record<string, unknown> }).content;
        if (!content?.['application/json']) return void violations.push(`${where}: JSON body not documented`);
        ref = `openapi#/paths/${pointer(path)}/${method}/responses/${status}/content/application~1json/schema`;
      }
    } else if (status < 400) {
      return;
    }
    const validate = validatorAt(ref);
    if (validate && !validate(body)) {
      const problems = (validate.errors ?? []).map(
        (e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
      );
      violations.push(
        `${req.method} ${routePath ?? req.path} → ${status}: ${problems.slice(0, 5).join('; ')}`,
      );
    }
  };

  const middleware = (req: Request, res: Response, next: NextFunction): void => {
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      // What the client receives: dates as strings, undefined fields gone.
      check(req, res, res.statusCode, body === undefined ? body : JSON.parse(JSON.stringify(body)));
      return json(body);
    };
    next();
  };
  return { middleware, violations };
}
