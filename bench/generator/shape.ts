/**
 * The real programme's proportions, per block of the generated programme (scale N = N blocks).
 * Each person's fate comes from a rank r = (local × 7919) mod 2054, a permutation of the block,
 * so every block has exactly these counts while completers, certified and adopters are scattered.
 */
export const SHAPE = {
  masterTeachers: 22,
  institutions: 38,
  participants: 2054,
  /** Participants of round 1 (cohorts led by master teachers): generation 2; the rest are generation 3. */
  generation2: 1240,
  completers: 1698,
  certified: 580,
  /** Completers whose certificate was issued and then revoked (mean score below the pass mark). */
  revoked: 40,
  /** Completers with verified AI-adoption evidence (~30% of completers). */
  aiAdopters: 509,
  /** Completers with unverified evidence only: must not count. */
  unverifiedOnly: 91,
  /** Non-completers with verified evidence: must not count either (not completers). */
  verifiedNonCompleters: 42,
  cohortSize: 25,
  round1Cohorts: 50,
  round2Cohorts: 33,
  passMark: 70,
  rankMultiplier: 7919,
  adopterMultiplier: 31,
} as const;

/** What the rollup must report for a programme generated at this scale. */
export function expectedFigures(scale: number) {
  return {
    participants: SHAPE.participants * scale,
    institutions: SHAPE.institutions * scale,
    masterTeachers: SHAPE.masterTeachers * scale,
    completers: SHAPE.completers * scale,
    certified: SHAPE.certified * scale,
    aiAdopters: SHAPE.aiAdopters * scale,
    byGeneration: { '2': SHAPE.generation2 * scale, '3': (SHAPE.participants - SHAPE.generation2) * scale },
  };
}
