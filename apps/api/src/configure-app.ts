import { INestApplication, RequestMethod } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { NestExpressApplication } from '@nestjs/platform-express';
import { cascadeValidationPipe } from '@cascade/platform';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';

/** Everything main.ts sets on the app, shared with the end-to-end tests. */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.use(helmet());
  // A batch of 500 mentoring sessions with notes (up to 4,000 characters, often Cyrillic) exceeds the 100 kB default.
  (app as NestExpressApplication).useBodyParser('json', { limit: '10mb' });
  // did:web resolves at the host's root: https://<host>/.well-known/did.json.
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'api/health', method: RequestMethod.GET },
      { path: '.well-known/did.json', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(cascadeValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Cascade API')
      .setDescription('National train-the-trainer programmes that end in micro-credentials')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  return app;
}
