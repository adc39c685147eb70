/** A person in a master teacher's care in a programme. */
export interface CarePair {
  programmeId: string;
  personId: string;
}

export interface CareFilter {
  programmeId?: string;
  personId?: string;
}

/**
 * The mentoring half of "in a master teacher's care": the mentees of the mentor's active
 * assignments. Mentoring owns those records and depends on the cascade, so it provides this
 * (MentoringModule registers the implementation); the cascade never reads its tables.
 */
export abstract class MenteeSource {
  abstract activeMentees(mentorId: string, filter: CareFilter): Promise<CarePair[]>;
}
