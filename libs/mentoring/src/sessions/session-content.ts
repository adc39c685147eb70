import { SessionMode } from './mentoring-session.entity';

/** A session as a device sent it, after validation: what a resend is compared on. */
export interface SessionContent {
  assignmentId: string;
  occurredAt: Date;
  durationMinutes: number;
  mode: SessionMode;
  topics: string[];
  notes: string | null;
}

export interface SessionCandidate extends SessionContent {
  /** Position in the request. */
  index: number;
  clientRef: string;
}

interface SentSession {
  assignmentId: string;
  clientRef: string;
  occurredAt: string;
  durationMinutes: number;
  mode: SessionMode;
  topics?: string[];
  notes?: string | null;
}

/** Topics are stored trimmed; their validation counts their length so (session.dto.ts). */
export const trimmedTopics = (topics: string[] | null | undefined): string[] =>
  (topics ?? []).map((topic) => topic.trim());

export function toCandidate(index: number, sent: SentSession): SessionCandidate {
  return {
    index,
    clientRef: sent.clientRef,
    assignmentId: sent.assignmentId,
    occurredAt: new Date(sent.occurredAt),
    durationMinutes: sent.durationMinutes,
    mode: sent.mode,
    topics: trimmedTopics(sent.topics),
    notes: sent.notes ?? null,
  };
}

/** The fields in which a resend differs from the stored session; none means a duplicate. */
export function contentDifferences(sent: SessionContent, stored: SessionContent): string[] {
  const differs: string[] = [];
  if (sent.assignmentId !== stored.assignmentId) differs.push('assignmentId');
  if (sent.occurredAt.getTime() !== stored.occurredAt.getTime()) differs.push('occurredAt');
  if (sent.durationMinutes !== stored.durationMinutes) differs.push('durationMinutes');
  if (sent.mode !== stored.mode) differs.push('mode');
  if (sent.topics.length !== stored.topics.length || sent.topics.some((t, i) => t !== stored.topics[i]))
    differs.push('topics');
  if ((sent.notes ?? null) !== (stored.notes ?? null)) differs.push('notes');
  return differs;
}

export function conflictReason(clientRef: string, differs: string[]): string {
  return `clientRef: '${clientRef}' was already used for a different session (${differs.join(', ')} differ${differs.length === 1 ? 's' : ''})`;
}
