import { INestApplication } from '@nestjs/common';
import type { Request, Response } from 'express';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { cascadeValidationPipe, jsonBodies } from '@cascade/platform';
import compression from 'compression';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { createOpenApiDocument, setApiPrefix } from './openapi';
import { serveWebApp } from './web-app';

/** Everything main.ts sets on the app, shared with the end-to-end tests. */
export function configureApp(app: INestApplication): INestApplication {
  return configureAppWithDocument(app).app;
}

/** configureApp, also answering the OpenAPI document it serves (the tests check responses against it). */
export function configureAppWithDocument(app: INestApplication): {
  app: INestApplication;
  document: OpenAPIObject;
} {
  app.useLogger(app.get(Logger));
  app.use(helmet());
  app.use(compression({ filter: compressible }));
  const routes = setApiPrefix(app);
  // Each route's own body limit, 415 for bodies that are not JSON, a depth limit.
  app.use(jsonBodies(routes));
  app.useGlobalPipes(cascadeValidationPipe());
  app.enableShutdownHooks();

  const document = createOpenApiDocument(app, routes);
  SwaggerModule.setup('api/docs', app, document);
  serveWebApp(app);
  return { app, document };
}

/**
 * Answers are compressed: a master teacher syncs over a weak mobile network. Files sent as
 * attachments (report and import downloads) go as they are: streamed with their length known in
 * advance, and XLSX and PDF are compressed already.
 */
function compressible(req: Request, res: Response): boolean {
  return !res.getHeader('Content-Disposition') && compression.filter(req, res);
}
