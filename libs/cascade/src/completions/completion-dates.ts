import { DomainError } from '@cascade/platform';
import { assertDayWithin } from '../shared/references';

/**
 * A completion is dated inside its cohort's dates and not before the person's enrolment: a
 * trainer cannot enrol someone today and record a course they "finished" last year. Every way
 * of recording completions calls this one rule.
 */
export function assertCompletionDate(
  completedOn: string,
  enrolment: { enrolledOn: string },
  cohort: { name: string; startsOn: string; endsOn: string },
): void {
  assertDayWithin('completedOn', completedOn, cohort, `cohort '${cohort.name}'`);
  if (completedOn < enrolment.enrolledOn) {
    throw DomainError.invalid(
      `completedOn: ${completedOn} is before the enrolment in cohort '${cohort.name}' on ${enrolment.enrolledOn}`,
    );
  }
}
