import { ErrorCode, registerConstraints } from '@cascade/platform';

/** The mentoring invariants the database holds, as the errors a client sees. */
registerConstraints({
  uq_mentoring_assignments_active_mentee: {
    code: ErrorCode.Conflict,
    message:
      'menteeId: the mentee already has an active mentor in this programme; end that assignment or use POST /mentoring/assignments/:id/reassign',
  },
  ck_mentoring_assignments_self: {
    code: ErrorCode.Invalid,
    message: 'menteeId: a person cannot be their own mentor',
  },
  ck_mentoring_assignments_dates: {
    code: ErrorCode.Invalid,
    message: 'endsOn: must be on or after startsOn',
  },
  fk_mentoring_assignments_programme: { code: ErrorCode.Invalid, message: 'programmeId: no such programme' },
  fk_mentoring_assignments_mentor: { code: ErrorCode.Invalid, message: 'mentorId: no such person' },
  fk_mentoring_assignments_mentee: { code: ErrorCode.Invalid, message: 'menteeId: no such person' },
  fk_mentoring_sessions_assignment: {
    code: ErrorCode.Invalid,
    message: 'assignmentId: no such mentoring assignment',
  },
  uq_mentoring_sessions_client_ref: {
    code: ErrorCode.Conflict,
    message: 'clientRef: you already used it for another session',
  },
  ck_mentoring_sessions_duration: {
    code: ErrorCode.Invalid,
    message: 'durationMinutes: must be an integer from 1 to 600',
  },
  ck_mentoring_sessions_mode: {
    code: ErrorCode.Invalid,
    message: 'mode: must be one of online, face_to_face, phone',
  },
  ck_mentoring_sessions_client_ref: {
    code: ErrorCode.Invalid,
    message: 'clientRef: must be 1–100 characters of A–Z, a–z, 0–9, ".", "_", ":" or "-"',
  },
  ck_mentoring_sessions_topics: { code: ErrorCode.Invalid, message: 'topics: at most 10 topics' },
  ck_mentoring_sessions_notes: { code: ErrorCode.Invalid, message: 'notes: at most 4000 characters' },
});
