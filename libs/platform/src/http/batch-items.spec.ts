import { BadRequestException } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsInt, IsString, Max } from 'class-validator';
import { BatchEnvelopePipe, readBatchItem } from './batch-items';

class Item {
  @IsString() clientRef: string;
  @IsInt() @Max(100) score: number;
}

class Envelope {
  @IsArray() @ArrayMaxSize(2) items: unknown[];
}

describe('readBatchItem', () => {
  it('answers the validated item: its DTO holding what was sent', () => {
    const read = readBatchItem(Item, { clientRef: 'a', score: 5 }, 'items[0]');
    expect(read.item).toBeInstanceOf(Item);
    expect(read.item).toEqual(Object.assign(new Item(), { clientRef: 'a', score: 5 }));
    expect(read.reason).toBeUndefined();
  });

  it('refuses an item that is not an object, naming its place', () => {
    for (const [raw, place] of [
      [7, 'items[2]'],
      [null, 'items[3]'],
      [['a'], 'items[4]'],
    ] as const) {
      expect(readBatchItem(Item, raw, place)).toEqual({
        reason: `${place}: must be an object`,
        clientRef: null,
      });
    }
  });

  it('refuses an invalid item with the fields that failed and keeps its clientRef', () => {
    expect(readBatchItem(Item, { clientRef: 'r1', score: 101, extra: 1 }, 'items[1]')).toEqual({
      reason: 'extra: property extra should not exist; score: score must not be greater than 100',
      clientRef: 'r1',
    });
  });

  it('leaves out a __proto__ or constructor key, as class-transformer did: the item stays its DTO', () => {
    const sent = JSON.parse('{"clientRef":"p","score":1,"__proto__":{"admin":true},"constructor":{"x":1}}');
    const read = readBatchItem(Item, sent, 'items[5]');
    expect(read.item).toBeInstanceOf(Item);
    expect(Object.keys(read.item!)).toEqual(['clientRef', 'score']);
    expect(({} as { admin?: boolean }).admin).toBeUndefined();
  });
});

describe('BatchEnvelopePipe', () => {
  const pipe = new BatchEnvelopePipe(Envelope);
  const refusal = (body: unknown) => {
    try {
      pipe.transform(body);
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestException);
      return (error as BadRequestException).getResponse();
    }
    throw new Error('accepted');
  };

  it('answers the envelope with its items as sent, unread', () => {
    const items = [{ anything: 1 }, 'not even an object'];
    const envelope = pipe.transform({ items });
    expect(envelope).toBeInstanceOf(Envelope);
    expect(envelope.items).toBe(items);
  });

  it("refuses a bad envelope with the validation pipe's 400, naming the field", () => {
    expect(refusal({ items: [1, 2, 3] })).toMatchObject({
      details: [{ field: 'items', problems: ['items must contain no more than 2 elements'] }],
    });
    expect(refusal({ items: [], extra: 1 })).toMatchObject({
      details: [{ field: 'extra', problems: ['property extra should not exist'] }],
    });
    expect(refusal([{ items: [] }])).toMatchObject({ message: 'body: must be a JSON object' });
  });
});
