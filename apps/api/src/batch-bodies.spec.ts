import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import {
  BatchCompletionItemDto,
  BatchCompletionsDto,
} from '../../../libs/cascade/src/completions/completion-batch.dto';
import { BatchSessionItemDto, BatchSessionsDto } from '../../../libs/mentoring/src/sessions/session.dto';

interface TransformStorage {
  findTypeMetadata(target: unknown, property: string): unknown;
  findTransformMetadatas(target: unknown, property: string, transformationType: number): unknown[];
  findExposeMetadata(target: unknown, property: string): unknown;
  findExcludeMetadata(target: unknown, property: string): unknown;
}
// class-transformer keeps its decorators in a storage it does not export from its index.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const transformer = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformStorage };

/**
 * BatchEnvelopePipe and readBatchItem put what was sent on these DTOs without class-transformer:
 * a @Type, @Transform, @Expose or @Exclude on one of them would be silently ignored.
 */
describe('the DTOs of batch bodies', () => {
  const storage = transformer.defaultMetadataStorage;
  it.each([BatchSessionsDto, BatchSessionItemDto, BatchCompletionsDto, BatchCompletionItemDto])(
    '%p carries no class-transformer decorator',
    (dto) => {
      const properties = new Set(
        getMetadataStorage()
          .getTargetValidationMetadatas(dto, '', false, false)
          .map((rule) => rule.propertyName),
      );
      expect(properties.size).toBeGreaterThan(0);
      for (const property of properties) {
        expect([
          property,
          storage.findTypeMetadata(dto, property),
          storage.findTransformMetadatas(dto, property, 0),
          storage.findExposeMetadata(dto, property),
          storage.findExcludeMetadata(dto, property),
        ]).toEqual([property, undefined, [], undefined, undefined]);
      }
    },
  );
});
