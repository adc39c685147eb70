import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { today } from '../../app/forms';
import { Course } from '../reference/useReference';
import { Completion, Enrolment, useWithdraw } from './useCohort';
import { CellEdit, SaveCompletions } from './useSaveCompletions';
import { RosterCards } from './RosterCards';

interface Props {
  courses: Course[];
  roster: Enrolment[];
  completions: Map<string, Completion[]>;
  /** Records the edited cells: at once (the coordinator) or through the phone's outbox (the field app). */
  save: SaveCompletions;
  /** Withdraws a participant; the field app has no withdrawing. */
  withdraw?: ReturnType<typeof useWithdraw>;
  /** A phone: one card per participant instead of a wide table, and no links to person pages. */
  compact?: boolean;
}

export type Draft = { completedOn: string; score: string };
const key = (enrolmentId: string, courseId: string) => `${enrolmentId}|${courseId}`;

/**
 * The roster as a grid: people × the cohort's courses, a date and a score in each cell. Tab moves
 * right, Enter moves down (Shift+Enter up); Save sends every edited cell; a refused row keeps its edits.
 */
export function CompletionsGrid({ courses, roster, completions, save, withdraw, compact }: Props) {
  const { t, i18n } = useTranslation();
  const [drafts, setDrafts] = useState(new Map<string, Draft>());
  const rowErrors = save.data ?? new Map<string, string[]>();
  const existing = (enrolmentId: string, courseId: string) =>
    completions.get(enrolmentId)?.find((c) => c.courseId === courseId);
  const valueOf = (enrolmentId: string, courseId: string): Draft => {
    const draft = drafts.get(key(enrolmentId, courseId));
    if (draft) return draft;
    const done = existing(enrolmentId, courseId);
    return { completedOn: done?.completedOn ?? '', score: done?.score == null ? '' : String(done.score) };
  };
  const edit = (enrolmentId: string, courseId: string, patch: Partial<Draft>) =>
    setDrafts((current) => {
      const next = new Map(current);
      const value = { ...valueOf(enrolmentId, courseId), ...patch };
      if (patch.score !== undefined && !value.completedOn) value.completedOn = today();
      next.set(key(enrolmentId, courseId), value);
      return next;
    });

  const submit = async () => {
    const byId = new Map(roster.map((e) => [e.id, e]));
    const edits: CellEdit[] = [...drafts.entries()]
      .filter(([, d]) => d.completedOn)
      .map(([k, d]) => {
        const [enrolmentId, courseId] = k.split('|');
        return {
          enrolment: byId.get(enrolmentId)!,
          courseId,
          completedOn: d.completedOn,
          score: d.score === '' ? null : Number(d.score),
          existing: existing(enrolmentId, courseId),
        };
      })
      .filter((edit) => edit.enrolment);
    const errors = await save.mutateAsync(edits);
    // A refused row keeps its edits; the saved ones now show what the API recorded.
    setDrafts((current) => new Map([...current].filter(([k]) => errors.has(k.split('|')[0]))));
  };

  // Enter goes down a row in the same column, like a spreadsheet.
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const input = event.target as HTMLInputElement;
    if (event.key !== 'Enter' || !input.dataset.col) return;
    event.preventDefault();
    const row = Number(input.dataset.row) + (event.shiftKey ? -1 : 1);
    document.querySelector<HTMLInputElement>(`[data-row="${row}"][data-col="${input.dataset.col}"]`)?.focus();
  };
  const active = roster.filter((e) => e.status !== 'withdrawn');

  return (
    <Paper withBorder p={compact ? 'xs' : 'md'}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('grid.title')}
        </Title>
        <Button
          onClick={submit}
          loading={save.isPending}
          disabled={drafts.size === 0}
          size={compact ? 'md' : 'sm'}
          fullWidth={compact}
        >
          {t('grid.save', { count: drafts.size })}
        </Button>
      </Group>
      {rowErrors.size > 0 && (
        <Alert color="red" role="alert" mb="sm">
          {t('grid.someRefused', { count: rowErrors.size })}
        </Alert>
      )}
      {compact ? (
        <RosterCards
          courses={courses}
          roster={roster}
          valueOf={valueOf}
          edit={edit}
          isDone={(enrolmentId, courseId) => !!existing(enrolmentId, courseId)}
          rowErrors={rowErrors}
        />
      ) : (
        <Table.ScrollContainer minWidth={400 + courses.length * 260}>
          <Table onKeyDown={onKeyDown} aria-label={t('grid.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.name')}</Table.Th>
                <Table.Th>{t('grid.status')}</Table.Th>
                <Table.Th>{t('grid.progress')}</Table.Th>
                {courses.map((c) => (
                  <Table.Th
                    key={c.id}
                  >{`${c.code} · ${i18n.language === 'mn' ? c.titleMn : c.title}`}</Table.Th>
                ))}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roster.map((enrolment) => {
                const row = active.indexOf(enrolment);
                const done = courses.filter((c) => existing(enrolment.id, c.id)).length;
                const errors = rowErrors.get(enrolment.id);
                return (
                  <Table.Tr key={enrolment.id} data-testid="roster-row" c={row < 0 ? 'dimmed' : undefined}>
                    <Table.Td>
                      <Link to={`/people/${enrolment.personId}`}>{enrolment.fullName}</Link>
                      {errors && (
                        <Text c="red" size="sm" role="alert">
                          {errors.join('; ')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{t(`grid.statuses.${enrolment.status}`)}</Badge>
                    </Table.Td>
                    <Table.Td>{`${done}/${courses.length}`}</Table.Td>
                    {courses.map((course, col) => {
                      const value = valueOf(enrolment.id, course.id);
                      const label = `${enrolment.fullName}, ${course.code}`;
                      return (
                        <Table.Td key={course.id}>
                          {row >= 0 && (
                            <Group gap={4} wrap="nowrap">
                              <TextInput
                                type="date"
                                size="xs"
                                aria-label={`${label}: ${t('grid.date')}`}
                                value={value.completedOn}
                                onChange={(e) =>
                                  edit(enrolment.id, course.id, { completedOn: e.currentTarget.value })
                                }
                                data-row={row}
                                data-col={2 * col}
                                w={140}
                              />
                              <NumberInput
                                size="xs"
                                // No min/max here: an out-of-range score is kept and the API's refusal shown in its row.
                                allowNegative={false}
                                hideControls
                                aria-label={`${label}: ${t('grid.score')}`}
                                value={value.score}
                                onChange={(score) => edit(enrolment.id, course.id, { score: String(score) })}
                                data-row={row}
                                data-col={2 * col + 1}
                                w={64}
                              />
                            </Group>
                          )}
                        </Table.Td>
                      );
                    })}
                    <Table.Td>
                      {row >= 0 && withdraw && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          loading={withdraw.isPending && withdraw.variables === enrolment.id}
                          onClick={() =>
                            window.confirm(t('grid.confirmWithdraw', { name: enrolment.fullName })) &&
                            withdraw.mutate(enrolment.id)
                          }
                        >
                          {t('grid.withdraw')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
