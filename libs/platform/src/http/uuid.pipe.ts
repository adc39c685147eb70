import { ArgumentMetadata, BadRequestException, Injectable, Param, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
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

/** A path parameter that is a UUID: validated by UuidPipe and documented with `format: uuid`. */
export function UuidParam(name: string): ParameterDecorator {
  return (target, key, index) => {
    Param(name, UuidPipe)(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key !== undefined && descriptor) {
      ApiParam({ name, type: String, format: 'uuid', required: true })(target, key, descriptor);
    }
  };
}
