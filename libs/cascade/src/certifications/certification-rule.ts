/**
 * The certification rule as pure functions: the specification the set-based SQL of
 * certification-evaluation.sql.ts implements, and what its tests compare it with.
 *
 * A person completed every core course when, across all their enrolments in cohorts of the
 * programme (any status), they have a completion of each core course. Their score is the mean,
 * over the core courses, of the highest score recorded for each (no score counts as 0; a
 * missing course counts as 0). They qualify when they completed every core course and the
 * score reaches the pass mark. A programme without core courses certifies no one.
 */
export interface CertificationRule {
  coreCourseIds: string[];
  passMark: number;
}

export interface CompletionResult {
  courseId: string;
  score: number | null;
}

export interface CertificationDecision {
  completedCoreCourses: number;
  coreCourses: number;
  completedEveryCoreCourse: boolean;
  /** Mean of the best core-course scores, rounded to 2 decimals (the comparison uses the exact value). */
  score: number;
  qualifies: boolean;
}

/** Scores have at most two decimals; hundredths keep the comparison exact, as numeric does in SQL. */
const hundredths = (score: number | null) => Math.round((score ?? 0) * 100);

export function decideCertification(
  rule: CertificationRule,
  completions: CompletionResult[],
): CertificationDecision {
  const core = [...new Set(rule.coreCourseIds)];
  const best = new Map<string, number>();
  for (const completion of completions) {
    if (!core.includes(completion.courseId)) continue;
    best.set(completion.courseId, Math.max(best.get(completion.courseId) ?? 0, hundredths(completion.score)));
  }
  const total = [...best.values()].reduce((sum, score) => sum + score, 0);
  const completedEveryCoreCourse = core.length > 0 && best.size === core.length;
  return {
    completedCoreCourses: best.size,
    coreCourses: core.length,
    completedEveryCoreCourse,
    score: core.length === 0 ? 0 : Math.round(total / core.length) / 100,
    qualifies: completedEveryCoreCourse && total >= hundredths(rule.passMark) * core.length,
  };
}

/** Why a certification stops being deserved: the text of an automatic revocation. */
export function revocationReason(decision: CertificationDecision, passMark: number): string {
  if (!decision.completedEveryCoreCourse) {
    return `automatic: completed ${decision.completedCoreCourses} of the ${decision.coreCourses} core courses`;
  }
  return `automatic: mean core-course score ${decision.score} is below the pass mark ${passMark}`;
}

/** Certificate numbers: `MC-<year of issue>-<serial, at least 6 digits>`, e.g. MC-2025-000123. */
export const CERTIFICATION_NUMBER = /^MC-\d{4}-\d{6,}$/;

export function certificationNumber(year: number, serial: number): string {
  return `MC-${year}-${String(serial).padStart(6, '0')}`;
}
