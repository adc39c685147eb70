import { execute, queryRows, SqlRunner } from './sql';

const answering = (result: unknown): SqlRunner => ({ query: async () => result });

describe('typed SQL', () => {
  it('answers the rows of a SELECT', async () => {
    await expect(queryRows<{ id: string }>(answering([{ id: 'a' }]), 'SELECT')).resolves.toEqual([
      { id: 'a' },
    ]);
  });

  it("reads the rows out of TypeORM's [rows, count] answer to an UPDATE", async () => {
    await expect(queryRows<{ id: string }>(answering([[{ id: 'a' }], 3]), 'UPDATE')).resolves.toEqual([
      { id: 'a' },
    ]);
  });

  it('counts the rows an UPDATE or DELETE touched, RETURNING or not', async () => {
    await expect(execute(answering([[], 4]), 'DELETE')).resolves.toEqual({ rows: [], affected: 4 });
    await expect(execute<{ id: string }>(answering([[{ id: 'a' }], 1]), 'UPDATE')).resolves.toEqual({
      rows: [{ id: 'a' }],
      affected: 1,
    });
  });

  it('counts the rows answered by any other statement', async () => {
    await expect(execute(answering([{ id: 'a' }, { id: 'b' }]), 'INSERT')).resolves.toEqual({
      rows: [{ id: 'a' }, { id: 'b' }],
      affected: 2,
    });
    await expect(execute(answering([]), 'INSERT')).resolves.toEqual({ rows: [], affected: 0 });
  });

  it('passes the parameters through', async () => {
    const seen: unknown[] = [];
    const runner: SqlRunner = { query: async (_sql: string, params?: unknown[]) => seen.push(params) && [] };
    await queryRows(runner, 'SELECT $1', ['x']);
    expect(seen).toEqual([['x']]);
  });
});
