import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Request, Response } from 'express';
import { from, Observable, switchMap } from 'rxjs';
import { Actor } from '../auth/roles';
import { AuditService, redact } from './audit.service';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every successful write through the API leaves an audit event: who, which route, which
 * record, which request. Writes made by jobs call AuditService.record themselves.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor; id?: string }>();
    if (!WRITES.has(request.method) || !request.actor) return next.handle();
    const actor = request.actor;
    return next.handle().pipe(
      switchMap((result: unknown) => {
        const response = context.switchToHttp().getResponse<Response>();
        const route = `${request.baseUrl ?? ''}${request.route?.path ?? request.path}`;
        const entity = route.replace(/^\/api\/v1\//, '').split('/')[0] ?? 'unknown';
        const resultId = (result as { id?: unknown } | null)?.id;
        const entityId =
          typeof resultId === 'string'
            ? resultId
            : typeof request.params.id === 'string'
              ? request.params.id
              : null;
        const entry = {
          action: `${request.method} ${route}`,
          entity,
          entityId,
          requestId: request.id ? String(request.id) : null,
          statusCode: response.statusCode,
          changes: redact({ params: request.params, body: request.body }) as Record<string, unknown>,
        };
        return from(this.audit.record(actor, entry).then(() => result));
      }),
    );
  }
}
