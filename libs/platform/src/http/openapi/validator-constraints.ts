import { Type } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';

/** The part of an OpenAPI schema object this module reads and writes. */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  nullable?: boolean;
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  [keyword: string]: unknown;
}

type Apply = (schema: Schema, constraints: unknown[]) => void;

const setIfAbsent = (schema: Schema, key: string, value: unknown) => {
  if (schema[key] === undefined) schema[key] = value;
};

/**
 * class-validator decorators as the JSON-schema keywords a generated client enforces. The
 * validators are the rule; the document repeats them, so it cannot drift from what is refused.
 */
const KEYWORDS: Record<string, Apply> = {
  isUuid: (s) => setIfAbsent(s, 'format', 'uuid'),
  isEmail: (s) => setIfAbsent(s, 'format', 'email'),
  isUrl: (s) => setIfAbsent(s, 'format', 'uri'),
  isDateString: (s) => setIfAbsent(s, 'format', 'date-time'),
  isInt: (s) => (s.type = 'integer'),
  isBoolean: (s) => (s.type = 'boolean'),
  isNumber: (s, [options]) => {
    if (s.type !== 'integer') s.type = 'number';
    const places = (options as { maxDecimalPlaces?: number } | undefined)?.maxDecimalPlaces;
    if (places !== undefined) setIfAbsent(s, 'multipleOf', Number(`1e-${places}`));
  },
  isDecimal: (s, [places]) => {
    if (s.type !== 'integer') s.type = 'number';
    setIfAbsent(s, 'multipleOf', Number(`1e-${String(places)}`));
  },
  min: (s, [min]) => (s.minimum = min),
  max: (s, [max]) => (s.maximum = max),
  minLength: (s, [min]) => (s.minLength = min),
  maxLength: (s, [max]) => (s.maxLength = max),
  isNotEmpty: (s) => setIfAbsent(s, 'minLength', 1),
  matches: (s, [pattern]) => setIfAbsent(s, 'pattern', pattern instanceof RegExp ? pattern.source : pattern),
  isIn: (s, [values]) => setIfAbsent(s, 'enum', values),
  arrayNotEmpty: (s) => setIfAbsent(s, 'minItems', 1),
  arrayMinSize: (s, [min]) => (s.minItems = min),
  arrayMaxSize: (s, [max]) => (s.maxItems = max),
  arrayUnique: (s) => (s.uniqueItems = true),
};

/** Adds the class's validation constraints to its schema's properties. */
export function applyValidatorConstraints(model: Type, schema: Schema): void {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(model, '', true, false);
  for (const metadata of metadatas) {
    const apply = metadata.name ? KEYWORDS[metadata.name] : undefined;
    const property = schema.properties?.[metadata.propertyName];
    if (!apply || !property || property.$ref || property.allOf) continue;
    const target = metadata.each && property.type === 'array' && property.items ? property.items : property;
    if (target.$ref) continue;
    apply(target, metadata.constraints ?? []);
  }
}
