import { Figures } from './figures.view';

/** A stats_figures row as node-postgres returns it (bigint as string). */
export interface FigureRow {
  participants: number;
  institutions: number;
  master_teachers: number;
  completers: number;
  certified: number;
  ai_adopters: number;
  mentoring_sessions: number;
  mentoring_minutes: string | number;
  mentees_mentored: number;
  by_generation: Record<string, number>;
}

/** A ratio rounded to 4 decimals; 0 when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : Math.round((numerator / denominator) * 10_000) / 10_000;
}

/** Stored counts → the figures of DESIGN.md, with the rates and hours derived from them. */
export function toFigures(row: FigureRow): Figures {
  const minutes = Number(row.mentoring_minutes);
  return {
    participants: row.participants,
    institutions: row.institutions,
    masterTeachers: row.master_teachers,
    completers: row.completers,
    certified: row.certified,
    aiAdopters: row.ai_adopters,
    aiAdoptionRate: ratio(row.ai_adopters, row.completers),
    completionRate: ratio(row.completers, row.participants),
    certificationRate: ratio(row.certified, row.completers),
    mentoringSessions: row.mentoring_sessions,
    mentoringHours: Math.round((minutes / 60) * 100) / 100,
    menteesMentored: row.mentees_mentored,
    byGeneration: row.by_generation,
  };
}
