import { ErrorCode, registerConstraints } from '@cascade/platform';

const conflict = (message: string) => ({ code: ErrorCode.Conflict, message });
const invalid = (message: string) => ({ code: ErrorCode.Invalid, message });

/** The cascade's invariants live in these constraints; this is what a client reads when one is violated. */
registerConstraints({
  ck_programmes_dates: invalid('endsOn: must not be before startsOn'),
  ck_programmes_pass_mark: invalid('passMark: must be between 0 and 100'),
  uq_master_teachers_person: conflict('personId: the person is already a master teacher of this programme'),
  fk_master_teachers_person: invalid('personId: no such person'),
  uq_cascade_rounds_number: conflict('number: the programme already has a round with this number'),
  ck_cascade_rounds_dates: invalid('endsOn: must not be before startsOn'),
  ck_cascade_rounds_number: invalid('number: must be positive'),
  fk_cohorts_round: invalid('roundId: no such round of the programme'),
  fk_cohorts_region: invalid('regionId: no such region'),
  fk_cohorts_lead_trainer: invalid('leadTrainerId: no such person'),
  uq_cohorts_name: conflict('name: the round already has a cohort with this name'),
  ck_cohorts_dates: invalid('endsOn: must not be before startsOn'),
  ck_cohorts_capacity: invalid('capacity: must be positive'),
  ck_cohorts_courses: invalid('courseIds: a cohort teaches at least one course'),
  uq_enrolments_person: {
    code: ErrorCode.AlreadyEnrolled,
    message: 'personId: the person is already enrolled in this cohort',
  },
  fk_enrolments_person: invalid('personId: no such person'),
  fk_enrolments_cohort: invalid('cohortId: no such cohort'),
  uq_course_completions_course: {
    code: ErrorCode.DuplicateCompletion,
    message: 'courseId: the enrolment already has a completion for this course',
  },
  fk_course_completions_course: invalid('courseId: no such course'),
  ck_course_completions_score: invalid('score: must be between 0 and 100'),
  uq_certifications_active: conflict('personId: the person already holds a certification of this programme'),
  fk_ai_adoptions_person: invalid('personId: no such person'),
  fk_ai_adoptions_programme: invalid('programmeId: no such programme'),
});
