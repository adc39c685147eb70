import { COMPLETION_COLUMNS } from '../completions/completion-row';
import { ROSTER_COLUMNS } from '../roster/roster-row';
import { ImportKind } from './import.entity';

/** The header row an upload of each kind reads, with one example row to copy. */
export const IMPORT_TEMPLATES: Record<ImportKind, { columns: readonly string[]; example: string[] }> = {
  roster: {
    columns: ROSTER_COLUMNS,
    example: [
      'Батбаярын Сарантуяа',
      'sarantuya@example.mn',
      'Монгол Улсын Боловсролын Их Сургууль',
      'Mathematics',
      'female',
      'mn',
    ],
  },
  completions: {
    columns: COMPLETION_COLUMNS,
    example: ['sarantuya@example.mn', '', 'AI-101', '2026-05-30', '85', ''],
  },
};
