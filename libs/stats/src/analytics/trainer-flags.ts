import { TrainerFlag } from './analytics.view';

/** Fewer trainees than this are never flagged: a cohort of 3 says little about its trainer. */
export const FLAG_MIN_GROUP = 10;
/** A gap smaller than this many rate points is not "markedly" worse, however large the group. */
export const FLAG_MIN_GAP = 0.1;

/**
 * Whether a group's rate is markedly below the programme's: a group of at least FLAG_MIN_GROUP,
 * below by at least FLAG_MIN_GAP and by more than two standard errors of a group that size
 * drawn at the programme's rate (so chance alone rarely flags a trainer).
 */
export function markedlyBelow(groupRate: number, groupSize: number, programmeRate: number): boolean {
  if (groupSize < FLAG_MIN_GROUP) return false;
  const standardError = Math.sqrt((programmeRate * (1 - programmeRate)) / groupSize);
  return programmeRate - groupRate >= Math.max(FLAG_MIN_GAP, 2 * standardError);
}

interface Outcome {
  participants: number;
  completers: number;
  certified: number;
}

const rate = (n: number, d: number) => (d === 0 ? 0 : n / d);

/** The rates of a trainer's direct trainees that are markedly below the programme's. */
export function trainerFlags(direct: Outcome, programme: Outcome): TrainerFlag[] {
  const flags: TrainerFlag[] = [];
  const completion = rate(programme.completers, programme.participants);
  if (markedlyBelow(rate(direct.completers, direct.participants), direct.participants, completion))
    flags.push('completionRate');
  const certification = rate(programme.certified, programme.completers);
  if (markedlyBelow(rate(direct.certified, direct.completers), direct.completers, certification))
    flags.push('certificationRate');
  return flags;
}
