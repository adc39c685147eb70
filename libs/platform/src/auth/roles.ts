export const ROLES = ['admin', 'coordinator', 'master_teacher', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is making a request: what every service receives to decide what they may touch. */
export interface Actor {
  userId: string;
  email: string;
  role: Role;
  /** A master teacher's user is linked to their person; that link limits what they may touch. */
  personId: string | null;
}

/** The worker acts as this actor when a job changes records (automatic revocation, say). */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'system',
  role: 'admin',
  personId: null,
};

export const STAFF: Role[] = ['admin', 'coordinator'];
export const READERS: Role[] = ['admin', 'coordinator', 'master_teacher', 'viewer'];
/** People's records, AI evidence and mentoring notes: a viewer reads figures and reports, not these. */
export const RECORD_READERS: Role[] = ['admin', 'coordinator', 'master_teacher'];
