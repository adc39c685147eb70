/**
 * What the rollup benches (rollup-cpu.ts, rollup-profile.ts, rollup-instructions.ts) share about a
 * run of the full rollup.
 */

/**
 * Run before each rollup: what autovacuum does between rollups in production (this machine's
 * server runs without). Without it every rollup's deleted cells and snapshot rows stayed under
 * the next one's scans; it also makes the kept plans of the statements reading these tables be
 * planned again, as autovacuum does.
 */
export const VACUUM_BETWEEN_ROLLUPS_SQL = `VACUUM stats_snapshots, stats_figures, stats_trainer_figures, figures_cells, figures_reach`;

/** A rollup statement's short name in a bench's table: its working set, or its opening words. */
export function statementLabel(sql: string | { text: string }): string {
  const text = (typeof sql === 'string' ? sql : sql.text).replace(/\s+/g, ' ').trim();
  const table = /rollup_(\w+)/.exec(text);
  if (text.startsWith('CREATE TEMP') && table) return `create ${table[1]}`;
  if (text.startsWith('INSERT INTO rollup_') && table) return `fill ${table[1]}`;
  return text.replace(/\d+/g, 'N').slice(0, 48);
}
