import { Badge, Group, Pagination, Paper, Table, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../app/QueryState';
import { TRAINER_FIRST_SORT, TRAINER_PAGE as PAGE } from './statsQueries';
import { TrainerSort, useTrainers } from './useStats';

/** Reach (people) and outcome (rates) of the direct trainees and of the whole sub-tree. */
const COLUMNS: { sort: TrainerSort; group: 'direct' | 'downstream'; figure: string }[] = [
  { sort: 'directParticipants', group: 'direct', figure: 'participants' },
  { sort: 'directCompletionRate', group: 'direct', figure: 'completionRate' },
  { sort: 'directCertificationRate', group: 'direct', figure: 'certificationRate' },
  { sort: 'downstreamParticipants', group: 'downstream', figure: 'participants' },
  { sort: 'downstreamCompletionRate', group: 'downstream', figure: 'completionRate' },
  { sort: 'downstreamCertificationRate', group: 'downstream', figure: 'certificationRate' },
];

/** Every trainer's reach and outcome, sorted on the server; trainers whose trainees do markedly worse are flagged. */
export const TrainersTable = memo(function TrainersTable({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<{ by: TrainerSort; order: 'asc' | 'desc' }>(TRAINER_FIRST_SORT);
  const [page, setPage] = useState(1);
  const trainers = useTrainers(programmeId, sort.by, sort.order, (page - 1) * PAGE, PAGE);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const header = (by: TrainerSort, label: string) => (
    <Table.Th aria-sort={sort.by === by ? (sort.order === 'desc' ? 'descending' : 'ascending') : undefined}>
      <UnstyledButton
        fw={600}
        fz="sm"
        onClick={() => {
          setPage(1);
          setSort({
            by,
            order: sort.by === by && sort.order === 'desc' ? 'asc' : by === 'fullName' ? 'asc' : 'desc',
          });
        }}
      >
        {label} {sort.by === by ? (sort.order === 'desc' ? '↓' : '↑') : ''}
      </UnstyledButton>
    </Table.Th>
  );

  return (
    <Paper withBorder p="md" data-testid="trainers">
      <Title order={3} size="h4" mb="sm">
        {t('trainers.title')}
      </Title>
      <QueryState query={trainers}>
        {(data) => (
          <>
            <Text size="sm" c="dimmed" mb="xs">
              {t('trainers.programme', {
                completion: percent.format(data.programme.completionRate),
                certification: percent.format(data.programme.certificationRate),
              })}
            </Text>
            <Table.ScrollContainer minWidth={900}>
              <Table striped aria-label={t('trainers.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th colSpan={2} />
                    <Table.Th colSpan={3}>{t('trainers.direct')}</Table.Th>
                    <Table.Th colSpan={3}>{t('trainers.downstream')}</Table.Th>
                  </Table.Tr>
                  <Table.Tr>
                    {header('fullName', t('trainers.name'))}
                    {header('generation', t('trainers.generation'))}
                    {COLUMNS.map((c) => header(c.sort, t(`trainers.${c.figure}`)))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((row) => (
                    <Table.Tr key={row.trainerId} data-testid="trainer-row">
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Link to={`/people/${row.trainerId}`}>{row.fullName}</Link>
                          {row.masterTeacher && (
                            <Badge size="xs" variant="light">
                              {t('trainers.master')}
                            </Badge>
                          )}
                          {row.flags.length > 0 && (
                            <Tooltip
                              label={row.flags.map((flag) => t(`trainers.flag.${flag}`)).join('; ')}
                              multiline
                              w={260}
                            >
                              <Badge size="xs" color="red.9" data-testid="trainer-flag">
                                {t('trainers.flagged')}
                              </Badge>
                            </Tooltip>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{row.generation ?? '?'}</Table.Td>
                      {COLUMNS.map((c) => {
                        const value = row[c.group][c.figure as 'participants'];
                        const flagged = c.group === 'direct' && (row.flags as string[]).includes(c.figure);
                        return (
                          <Table.Td
                            key={c.sort}
                            c={flagged ? 'red.8' : undefined}
                            fw={flagged ? 700 : undefined}
                          >
                            {c.figure === 'participants' ? value : percent.format(value)}
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {data.total > PAGE && (
              <Pagination
                mt="sm"
                total={Math.ceil(data.total / PAGE)}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': t(`trainers.page.${control}`) })}
                getItemProps={(n) => ({ 'aria-label': t('trainers.page.number', { n }) })}
              />
            )}
          </>
        )}
      </QueryState>
    </Paper>
  );
});
