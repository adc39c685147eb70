import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { DomainError } from './domain-error';
import { INTERNAL_FAILURE, publicFailure } from './public-failure';

function pgError(fields: Record<string, string>): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], Object.assign(new Error(fields.message), fields));
}

describe('error bodies carry no internal text', () => {
  const filter = new AllExceptionsFilter();

  it('answers a number out of range with a 400 that names the column, without PostgreSQL text', () => {
    const body = filter.toBody(
      pgError({ code: '22003', message: 'bigint out of range', column: 'workload_hours' }),
    );
    expect(body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      error: 'Bad Request',
      message: 'workloadHours: is out of range',
    });
  });

  it('answers an unregistered unique violation with a 409 without the key and value PostgreSQL quotes', () => {
    const body = filter.toBody(
      pgError({
        code: '23505',
        message: 'duplicate key value violates unique constraint "uq_x"',
        detail: 'Key (lower(email::text))=(a@b.c) already exists.',
        constraint: 'uq_x',
      }),
    );
    expect(body.statusCode).toBe(409);
    expect(body.message).toBe('value: a record with the same value already exists');
    expect(JSON.stringify(body)).not.toMatch(/lower|a@b\.c|duplicate key/);
  });

  it('answers any other error with a bare 500', () => {
    const error = new Error("Cannot find module 'x'\nRequire stack:\n- /srv/app/dist/main.js");
    expect(filter.toBody(error)).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      error: 'Internal Server Error',
      message: 'Internal server error',
    });
  });

  it("tells a job's requester a domain error's message and nothing of any other failure", () => {
    expect(publicFailure(DomainError.invalid('cohortId: no such cohort'))).toBe('cohortId: no such cohort');
    expect(publicFailure(new Error("ENOTDIR: not a directory, mkdir '/srv/reports'"))).toBe(INTERNAL_FAILURE);
  });
});
