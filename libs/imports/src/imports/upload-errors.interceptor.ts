import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { catchError, Observable } from 'rxjs';
import { MAX_ROSTER_BYTES } from '../roster/roster-file';

/**
 * Multer's limit errors say "File too large"; a client needs the field and the limit. Bound
 * before the upload interceptor, so it sees what that one throws.
 */
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof PayloadTooLargeException && error.message === 'File too large') {
          throw new PayloadTooLargeException(
            `file: larger than the ${MAX_ROSTER_BYTES / (1024 * 1024)} MB limit`,
          );
        }
        if (error instanceof HttpException && error.message === 'Too many files') {
          throw new BadRequestException(`file: send one CSV file per import`);
        }
        throw error;
      }),
    );
  }
}
