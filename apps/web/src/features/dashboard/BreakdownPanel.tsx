import { Paper, Table, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { QueryState } from '../../app/QueryState';
import { ScopeKind, useBreakdown } from './useStats';

const COLUMNS = ['participants', 'completers', 'certified', 'aiAdopters'] as const;
type Column = 'name' | (typeof COLUMNS)[number];

/** Figures of every region (or round, …) of the programme: a bar chart and a table sorted by any column. */
export function BreakdownPanel({ programmeId, scope }: { programmeId: string; scope: ScopeKind }) {
  const { t, i18n } = useTranslation();
  const breakdown = useBreakdown(programmeId, scope);
  const [sort, setSort] = useState<{ by: Column; desc: boolean }>({ by: 'participants', desc: true });
  const header = (column: Column) => (
    <Table.Th aria-sort={sort.by === column ? (sort.desc ? 'descending' : 'ascending') : undefined}>
      <UnstyledButton
        fw={600}
        onClick={() => setSort({ by: column, desc: sort.by === column ? !sort.desc : column !== 'name' })}
      >
        {column === 'name' ? t(`scopes.${scope}`) : t(`figures.${column}`)}{' '}
        {sort.by === column ? (sort.desc ? '↓' : '↑') : ''}
      </UnstyledButton>
    </Table.Th>
  );

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('dashboard.by', { scope: t(`scopes.${scope}`) })}
      </Title>
      <QueryState query={breakdown}>
        {(data) => {
          const rows = data.items.map((item) => ({
            ...item,
            label: (i18n.language === 'mn' && item.nameMn) || item.name,
          }));
          const sorted = [...rows].sort((a, b) => {
            const order = sort.by === 'name' ? a.label.localeCompare(b.label) : a[sort.by] - b[sort.by];
            return sort.desc ? -order : order;
          });
          return (
            <>
              <ResponsiveContainer width="100%" height={260}>
                <BarChart data={sorted.slice(0, 22)} margin={{ bottom: 48 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis
                    dataKey="label"
                    angle={-30}
                    textAnchor="end"
                    interval={0}
                    height={60}
                    fontSize={12}
                  />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend verticalAlign="top" />
                  <Bar
                    dataKey="participants"
                    name={t('figures.participants')}
                    fill="#3b5bdb"
                    isAnimationActive={false}
                  />
                  <Bar
                    dataKey="completers"
                    name={t('figures.completers')}
                    fill="#2f9e44"
                    isAnimationActive={false}
                  />
                  <Bar
                    dataKey="certified"
                    name={t('figures.certified')}
                    fill="#e8590c"
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
              <Table.ScrollContainer minWidth={500}>
                <Table striped data-testid={`breakdown-${scope}`}>
                  <Table.Thead>
                    <Table.Tr>
                      {header('name')}
                      {COLUMNS.map((c) => header(c))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {sorted.map((row) => (
                      <Table.Tr key={row.scopeId}>
                        <Table.Td>{row.label}</Table.Td>
                        {COLUMNS.map((c) => (
                          <Table.Td key={c}>{row[c]}</Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          );
        }}
      </QueryState>
    </Paper>
  );
}
