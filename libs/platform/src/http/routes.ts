import { INestApplication, RequestMethod, SetMetadata, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC, ROLES_KEY } from '../auth/decorators';
import { Role } from '../auth/roles';

const BODY_LIMIT = 'cascade:body-limit';
const SWAGGER_CONSUMES = 'swagger/apiConsumes';

/** The largest JSON body a route takes, when it needs more than the small default (bulk ingest). */
export const BodyLimit = (limit: string) => SetMetadata(BODY_LIMIT, limit);

/** One HTTP route as its decorators declare it: what the docs, the guards and the body parser read. */
export interface RouteInfo {
  controller: Type;
  handler: (...args: unknown[]) => unknown;
  /** `CohortsController_list`: the OpenAPI operationId. */
  operationId: string;
  method: string;
  /** Express form, with the global prefix: `/api/v1/cohorts/:id`. */
  path: string;
  roles: Role[] | undefined;
  isPublic: boolean;
  bodyLimit: string | undefined;
  consumes: string[];
}

export interface RoutePrefix {
  prefix: string;
  /** Controller paths the global prefix leaves alone (health). */
  unprefixed: string[];
}

const join = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

const own = <T>(key: string, handler: object, controller: Type): T | undefined =>
  (Reflect.getMetadata(key, handler) as T | undefined) ??
  (Reflect.getMetadata(key, controller) as T | undefined);

/** Every route of the application, read from the same metadata Nest routes and guards by. */
export function routesOf(app: INestApplication, { prefix, unprefixed }: RoutePrefix): RouteInfo[] {
  const scanner = new MetadataScanner();
  const controllers = new Set<Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) controllers.add(wrapper.metatype as Type);
  }
  return [...controllers].flatMap((controller) => {
    const base = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat()[0] ?? '';
    return scanner.getAllMethodNames(controller.prototype).flatMap((name): RouteInfo[] => {
      const handler = (controller.prototype as Record<string, RouteInfo['handler']>)[name];
      const verb = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (verb === undefined) return [];
      const paths = [Reflect.getMetadata(PATH_METADATA, handler) as string | string[]].flat();
      return paths.map((path) => ({
        controller,
        handler,
        operationId: `${controller.name}_${name}`,
        method: RequestMethod[verb].toLowerCase(),
        path: join(unprefixed.includes(join(base, path ?? '').slice(1)) ? '' : prefix, base, path ?? ''),
        roles: own<Role[]>(ROLES_KEY, handler, controller),
        isPublic: own<boolean>(IS_PUBLIC, handler, controller) === true,
        bodyLimit: own<string>(BODY_LIMIT, handler, controller),
        consumes: own<string[]>(SWAGGER_CONSUMES, handler, controller) ?? [],
      }));
    });
  });
}
