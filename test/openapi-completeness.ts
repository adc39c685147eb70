import { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;
interface Operation {
  summary?: string;
  description?: string;
  'x-roles'?: string[];
  parameters?: { in: string; name: string; description?: string; schema?: Json }[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

const VERBS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const ERROR_BODY = '#/components/schemas/ErrorBody';
/** Path parameters that are not UUIDs, and why. */
const NOT_UUID: Record<string, string> = {
  jobId: 'a BullMQ job id',
  number: 'a certification number',
  check: 'the name of a data-quality check',
  kind: 'the kind of an import (roster, completions)',
};

export function operationsOf(document: OpenAPIObject): { path: string; verb: string; op: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    VERBS.filter((verb) => item[verb]).map((verb) => ({
      path,
      verb,
      op: item[verb] as unknown as Operation,
    })),
  );
}

/** The error statuses an operation must document: what a client has to handle. */
function expectedErrors(op: Operation): number[] {
  const isPublic = !op.security || op.security.length === 0;
  const takesInput = (op.parameters?.length ?? 0) > 0 || op.requestBody !== undefined;
  const hasPathId = op.parameters?.some((p) => p.in === 'path') ?? false;
  return [
    ...(takesInput ? [400] : []),
    ...(isPublic ? [] : [401, 403]),
    ...(hasPathId ? [404] : []),
    ...(op.requestBody ? [413] : []),
    429,
    500,
  ];
}

/** Everything that keeps a generated client from trusting the document, one line each. */
export function documentProblems(document: OpenAPIObject): string[] {
  const problems: string[] = [];
  for (const { path, verb, op } of operationsOf(document)) {
    const where = `${verb.toUpperCase()} ${path}`;
    if (!op.summary?.trim()) problems.push(`${where}: no summary`);
    const roles = op['x-roles'];
    const isPublic = !op.security || op.security.length === 0;
    if (!isPublic && (!roles || roles.length === 0)) problems.push(`${where}: no roles`);
    for (const role of roles ?? []) {
      if (!op.description?.includes(role)) problems.push(`${where}: description does not name role ${role}`);
    }
    if (isPublic && !op.description?.includes('Public'))
      problems.push(`${where}: description does not say it is public`);
    for (const status of expectedErrors(op)) {
      const schema = op.responses[String(status)]?.content?.['application/json']?.schema;
      if (schema?.$ref !== ERROR_BODY) problems.push(`${where}: no ${status} response with the error body`);
    }
    for (const parameter of op.parameters ?? []) {
      if (parameter.in !== 'path') continue;
      if (!parameter.description)
        problems.push(`${where}: path parameter ${parameter.name} says not what it is`);
      if (parameter.schema?.format !== 'uuid' && !NOT_UUID[parameter.name]) {
        problems.push(`${where}: path parameter ${parameter.name} is not a uuid`);
      }
    }
  }
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {}) as [string, Json][]) {
    if (schema.type === 'object' && schema.properties && schema.additionalProperties !== false) {
      problems.push(`${name}: does not refuse unknown properties (additionalProperties: false)`);
    }
    for (const [key, property] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
      const typed = property.type || property.$ref || property.allOf || property.oneOf || property.enum;
      if (!typed) problems.push(`${name}.${key}: no type`);
      if (
        property.type === 'object' &&
        !property.properties &&
        !property.additionalProperties &&
        !property.allOf
      ) {
        problems.push(`${name}.${key}: a bare object`);
      }
      if (property.type === 'array' && (property.items as Json | undefined)?.type === 'array') {
        problems.push(`${name}.${key}: an array of arrays`);
      }
      if (
        /Id$/.test(key) &&
        property.type === 'string' &&
        property.format !== 'uuid' &&
        !property.description
      ) {
        problems.push(`${name}.${key}: an id that is neither a uuid nor described`);
      }
    }
  }
  return problems;
}
