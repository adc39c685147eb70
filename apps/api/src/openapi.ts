import { INestApplication, RequestMethod } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** Every route lives under /api/v1 except the health check and the did:web document. */
export function setApiPrefix(app: INestApplication): void {
  // did:web resolves at the host's root: https://<host>/.well-known/did.json.
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'api/health', method: RequestMethod.GET },
      { path: '.well-known/did.json', method: RequestMethod.GET },
    ],
  });
}

/** The OpenAPI document served at /api/docs and the source of the web app's generated types. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Cascade API')
      .setDescription('National train-the-trainer programmes that end in micro-credentials')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
