import { INestApplication, Type } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorBody, FieldProblem } from '../../errors/error-body';
import { RouteInfo } from '../routes';
import { addErrorResponses } from './error-responses';
import { applyValidatorConstraints, Schema } from './validator-constraints';

const VERBS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const SWAGGER_PROPERTIES = 'swagger/apiModelPropertiesArray';
const SWAGGER_PROPERTY = 'swagger/apiModelProperties';
const SWAGGER_RESPONSES = 'swagger/apiResponse';
/** @ApiBody's and @ApiParam's: a body read by a pipe of its own is typed here, not by its parameter. */
const SWAGGER_PARAMETERS = 'swagger/apiParameters';

type Operation = Parameters<typeof addErrorResponses>[1] & {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: { in: string; name: string; description?: string; schema?: Schema }[];
  'x-roles'?: string[];
};

const isClass = (value: unknown): value is Type =>
  typeof value === 'function' &&
  !!value.prototype &&
  ![String, Number, Boolean, Date, Object, Array].includes(value as never);

/** Every DTO class the routes take or give, nested ones included, by its schema name. */
function modelsOf(routes: RouteInfo[]): Map<string, Type> {
  const models = new Map<string, Type>();
  const visit = (candidate: unknown): void => {
    const unwrapped = Array.isArray(candidate) ? candidate[0] : candidate;
    // A lazy `type: () => Model` is an arrow function: no prototype.
    const model =
      typeof unwrapped === 'function' && !unwrapped.prototype ? (unwrapped as () => unknown)() : unwrapped;
    if (!isClass(model) || models.get(model.name) === model) return;
    models.set(model.name, model);
    const properties =
      (Reflect.getMetadata(SWAGGER_PROPERTIES, model.prototype) as string[] | undefined) ?? [];
    for (const key of properties) {
      visit(
        (Reflect.getMetadata(SWAGGER_PROPERTY, model.prototype, key.slice(1)) as { type?: unknown })?.type,
      );
    }
  };
  for (const { controller, handler } of routes) {
    const paramTypes = Reflect.getMetadata(
      'design:paramtypes',
      controller.prototype,
      handler.name,
    ) as unknown[];
    paramTypes?.forEach(visit);
    const parameters = (Reflect.getMetadata(SWAGGER_PARAMETERS, handler) ?? []) as { type?: unknown }[];
    parameters.forEach((parameter) => visit(parameter.type));
    const responses = (Reflect.getMetadata(SWAGGER_RESPONSES, handler) ?? {}) as Record<
      string,
      { type?: unknown }
    >;
    Object.values(responses).forEach((response) => visit(response.type));
  }
  return models;
}

const singular = (segment: string) =>
  segment === 'people' ? 'person' : segment.replace(/-/g, ' ').replace(/ies$/, 'y').replace(/s$/, '');

/** `/api/v1/programmes/{id}/rounds/{roundId}`: `id` is the programme's, `roundId` the round's. */
function describePathParameters(path: string, operation: Operation): void {
  const segments = path.split('/');
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in !== 'path' || parameter.description) continue;
    const at = segments.indexOf(`{${parameter.name}}`);
    const owner =
      parameter.name === 'id' ? singular(segments[at - 1] ?? '') : parameter.name.replace(/Id$/, '');
    parameter.description = `The id of the ${owner}`;
  }
}

function describeRoles(route: RouteInfo, operation: Operation): void {
  const roles = route.isPublic ? [] : (route.roles ?? []);
  const who = route.isPublic ? 'Public: no token needed.' : `Roles: ${roles.join(', ')}.`;
  operation.description = operation.description ? `${operation.description}\n\n${who}` : who;
  operation['x-roles'] = roles;
}

/** Ids named after a role rather than a record: what they are the id of. */
const PERSON_ROLES = new Set(['leadTrainer', 'mentor', 'mentee', 'trainer', 'masterTeacher']);

/** `leadTrainerId` → "A person's id: the lead trainer"; `regionId` → "A region's id". */
function describeId(key: string, property: Schema): void {
  const match = /^(\w+?)Ids?$/.exec(key);
  if (
    !match ||
    key === 'id' ||
    property.description ||
    (property.format !== 'uuid' && property.items?.format !== 'uuid')
  ) {
    return;
  }
  const words = match[1].replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
  const many = key.endsWith('Ids');
  if (PERSON_ROLES.has(match[1]))
    property.description = `${many ? "People's ids" : "A person's id"}: the ${words}`;
  else if (match[1] === 'actorUser') property.description = "A user's id: who acted";
  else property.description = many ? `Ids of ${words}s` : `A ${words}'s id`;
}

/** Unknown fields are refused, so every object says so; a nullable enum lists null among its values. */
function tighten(schema: Schema): void {
  if (schema.type === 'object' && schema.properties && schema.additionalProperties === undefined) {
    schema.additionalProperties = false;
  }
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    describeId(key, property);
    // A copy: the enum array is the very constant the validators use.
    if (property.nullable && property.enum && !property.enum.includes(null))
      property.enum = [...property.enum, null];
  }
}

/**
 * The OpenAPI document, exact enough for a generated client: roles and error responses come from
 * the metadata the guards and the body parser enforce, constraints from the validators.
 */
export function createOpenApiDocument(app: INestApplication, routes: RouteInfo[]): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Cascade API')
      .setDescription(
        'National train-the-trainer programmes that end in micro-credentials. Every error answers ' +
          '`ErrorBody` with a stable `code` from `ErrorCode`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorBody, FieldProblem] },
  );
  const byOperation = new Map(routes.map((route) => [route.operationId, route]));
  for (const [path, item] of Object.entries(document.paths)) {
    for (const verb of VERBS) {
      const operation = item[verb] as Operation | undefined;
      const route = operation?.operationId ? byOperation.get(operation.operationId) : undefined;
      if (!operation || !route) continue;
      describeRoles(route, operation);
      addErrorResponses(route, operation);
      describePathParameters(path, operation);
    }
  }
  const models = modelsOf(routes);
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {}) as [string, Schema][]) {
    const model = models.get(name);
    if (model) applyValidatorConstraints(model, schema);
    tighten(schema);
  }
  return document;
}
