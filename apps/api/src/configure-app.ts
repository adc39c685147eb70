import { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { NestExpressApplication } from '@nestjs/platform-express';
import { cascadeValidationPipe } from '@cascade/platform';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { createOpenApiDocument, setApiPrefix } from './openapi';
import { serveWebApp } from './web-app';

/** Everything main.ts sets on the app, shared with the end-to-end tests. */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.use(helmet());
  // A batch of 500 mentoring sessions with notes (up to 4,000 characters, often Cyrillic) exceeds the 100 kB default.
  (app as NestExpressApplication).useBodyParser('json', { limit: '10mb' });
  setApiPrefix(app);
  app.useGlobalPipes(cascadeValidationPipe());
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app));
  serveWebApp(app);
  return app;
}
