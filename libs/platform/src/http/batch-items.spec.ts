import { IsInt, IsString, Max } from 'class-validator';
import { readBatchItem } from './batch-items';

class Item {
  @IsString() clientRef: string;
  @IsInt() @Max(100) score: number;
}

describe('readBatchItem', () => {
  it('answers the validated item', () => {
    const read = readBatchItem(Item, { clientRef: 'a', score: 5 }, 'items[0]');
    expect(read.item).toBeInstanceOf(Item);
    expect(read.reason).toBeUndefined();
  });

  it('refuses an item that is not an object, naming its place', () => {
    expect(readBatchItem(Item, 7, 'items[2]')).toEqual({
      reason: 'items[2]: must be an object',
      clientRef: null,
    });
    expect(readBatchItem(Item, null, 'items[3]')).toEqual({
      reason: 'items[3]: must be an object',
      clientRef: null,
    });
  });

  it('refuses an invalid item with the fields that failed and keeps its clientRef', () => {
    expect(readBatchItem(Item, { clientRef: 'r1', score: 101, extra: 1 }, 'items[1]')).toEqual({
      reason: 'extra: property extra should not exist; score: score must not be greater than 100',
      clientRef: 'r1',
    });
  });
});
