import { INestApplication, RequestMethod } from '@nestjs/common';
import { createOpenApiDocument as exactDocument, RouteInfo, routesOf } from '@cascade/platform';
import { OpenAPIObject } from '@nestjs/swagger';

const PREFIX = 'api/v1';
// did:web resolves at the host's root: https://<host>/.well-known/did.json.
const UNPREFIXED = ['api/health', '.well-known/did.json'];

/**
 * Every route lives under /api/v1 except the health check and the did:web document. Answers the
 * routes as their decorators declare them (roles, body limits): the body parser and the document
 * read them.
 */
export function setApiPrefix(app: INestApplication): RouteInfo[] {
  app.setGlobalPrefix(PREFIX, { exclude: UNPREFIXED.map((path) => ({ path, method: RequestMethod.GET })) });
  return routesOf(app, { prefix: PREFIX, unprefixed: UNPREFIXED });
}

/** The OpenAPI document served at /api/docs and the source of the web app's generated types. */
export function createOpenApiDocument(app: INestApplication, routes: RouteInfo[]): OpenAPIObject {
  return exactDocument(app, routes);
}
