import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';

/**
 * `@Param('id', UuidPipe)`: a 400 that names the parameter (`id: must be a UUID`), where the
 * stock ParseUUIDPipe says only "Validation failed (uuid is expected)".
 */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isUUID(value)) throw new BadRequestException(`${metadata.data ?? 'id'}: must be a UUID`);
    return value;
  }
}
