import { Actor, DomainError } from '@cascade/platform';

interface Mentored {
  id: string;
  mentorId: string;
}

/**
 * Who may touch what in mentoring: coordinators and admins everything, viewers read
 * everything, a master teacher only the assignments where they are the mentor.
 */
export const mentoringAccess = {
  /** Why the actor may not log or edit sessions of the assignment; null when they may. */
  writeRefusal(actor: Actor, assignment: Mentored): string | null {
    if (actor.role === 'admin' || actor.role === 'coordinator') return null;
    if (actor.role === 'master_teacher' && actor.personId !== null && actor.personId === assignment.mentorId)
      return null;
    if (actor.role === 'viewer') return `forbidden: a viewer may not log mentoring sessions`;
    return `forbidden: assignment ${assignment.id} is not one where you are the mentor`;
  },

  assertCanWrite(actor: Actor, assignment: Mentored): void {
    const refusal = this.writeRefusal(actor, assignment);
    if (refusal) throw DomainError.forbidden(refusal);
  },

  assertCanRead(actor: Actor, assignment: Mentored): void {
    if (actor.role !== 'master_teacher') return;
    if (actor.personId === null || actor.personId !== assignment.mentorId) {
      throw DomainError.forbidden(
        `forbidden: assignment ${assignment.id} is not one where you are the mentor`,
      );
    }
  },

  /**
   * The mentor a list is limited to: a master teacher sees only their own, and asking for
   * another mentor's is refused rather than silently answered with nothing.
   */
  mentorScope(actor: Actor, requestedMentorId: string | undefined): string | undefined {
    if (actor.role !== 'master_teacher') return requestedMentorId;
    if (actor.personId === null)
      throw DomainError.forbidden('forbidden: your user is not linked to a person');
    if (requestedMentorId && requestedMentorId !== actor.personId) {
      throw DomainError.forbidden(`mentorId: a master teacher sees only their own mentees and assignments`);
    }
    return actor.personId;
  },
};
