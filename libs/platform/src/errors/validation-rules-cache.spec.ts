import { getMetadataStorage, IsInt, IsString, Max, MetadataStorage, validateSync } from 'class-validator';
import { cacheValidationRules } from './validation-rules-cache';

class Parent {
  @IsInt() n: number;
}

class Child extends Parent {
  @IsString() s: string;
}

const child = (n: unknown, s: unknown) => Object.assign(new Child(), { n, s });
const failing = (value: object) => validateSync(value).map((e) => e.property);
const uncached = (target: new () => object) =>
  MetadataStorage.prototype.getTargetValidationMetadatas.call(getMetadataStorage(), target, '', false, false);

describe('cacheValidationRules', () => {
  beforeAll(() => cacheValidationRules());

  it("answers a class's own and inherited rules as class-validator computes them", () => {
    expect(getMetadataStorage().getTargetValidationMetadatas(Child, '', false, false)).toEqual(
      uncached(Child),
    );
    expect(failing(child('1', 2))).toEqual(['s', 'n']);
    expect(failing(child(1, 'a'))).toEqual([]);
  });

  it('groups a kept list by property once, as class-validator groups it', () => {
    const storage = getMetadataStorage();
    const rules = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(storage.groupByPropertyName(rules)).toBe(storage.groupByPropertyName(rules));
    expect(storage.groupByPropertyName(rules)).toEqual(
      MetadataStorage.prototype.groupByPropertyName.call(storage, rules),
    );
  });

  it('forgets what it kept when a rule is added, so the new rule applies to subclasses too', () => {
    expect(failing(child(9, 'a'))).toEqual([]);
    Max(5)(Parent.prototype, 'n');
    expect(failing(child(9, 'a'))).toEqual(['n']);
    expect(getMetadataStorage().getTargetValidationMetadatas(Child, '', false, false)).toEqual(
      uncached(Child),
    );
  });
});
