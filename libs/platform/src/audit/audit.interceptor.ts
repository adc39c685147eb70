import {
  CallHandler,
  ExecutionContext,
  Injectable,
  Logger,
  NestInterceptor,
  RequestMethod,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { from, Observable, switchMap } from 'rxjs';
import { Actor } from '../auth/roles';
import { auditContext, PendingAudit } from './audit-context';
import { AuditService, redact } from './audit.service';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every successful write through the API leaves an audit event: who, which route, which
 * record, which request. The event is prepared here and written by the first transaction the
 * handler commits (AuditSubscriber), or inside a write that is one statement
 * (SingleStatementWrite), so it commits with the change. A write request that
 * commits no transaction (a refresh that only enqueues) gets its event when the handler
 * returns. Writes made by jobs call AuditService.record inside their own transaction.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor; id?: string }>();
    if (!WRITES.has(request.method) || !request.actor) return next.handle();
    const route = `${request.baseUrl ?? ''}${request.route?.path ?? request.path}`;
    const pending: PendingAudit = {
      actor: request.actor,
      entry: {
        action: `${request.method} ${route}`,
        entity: route.replace(/^\/api\/v1\//, '').split('/')[0] ?? 'unknown',
        entityId: typeof request.params.id === 'string' ? request.params.id : null,
        requestId: request.id ? String(request.id) : null,
        statusCode: this.successStatus(context, request.method),
        changes: redact({ params: request.params, body: request.body }) as Record<string, unknown>,
      },
    };
    return new Observable((subscriber) =>
      auditContext.run(pending, () =>
        next
          .handle()
          .pipe(switchMap((result: unknown) => from(this.complete(pending, result).then(() => result))))
          .subscribe(subscriber),
      ),
    );
  }

  private async complete(pending: PendingAudit, result: unknown): Promise<void> {
    const resultId = (result as { id?: unknown } | null)?.id;
    const createdId = typeof resultId === 'string' && resultId !== pending.entry.entityId ? resultId : null;
    if (!pending.committedId) {
      await this.audit.record(pending.actor, {
        ...pending.entry,
        entityId: createdId ?? pending.entry.entityId,
      });
      return;
    }
    if (!createdId || createdId === pending.createdId) return;
    // The change and its event are committed: naming the new record is a courtesy, never a 500.
    await this.audit
      .nameCreated(pending.committedId, createdId)
      .catch((error: Error) => this.logger.warn(`audit event ${pending.committedId}: ${error.message}`));
  }

  /** The status the route answers when it succeeds: its @HttpCode, else 201 for POST and 200 otherwise. */
  private successStatus(context: ExecutionContext, method: string): number {
    const declared = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    return declared ?? (method === RequestMethod[RequestMethod.POST] ? 201 : 200);
  }
}
