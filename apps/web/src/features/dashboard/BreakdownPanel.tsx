import { Paper, Table, Title, UnstyledButton } from '@mantine/core';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../app/QueryState';
import { GroupedBars, stageSeries } from './LazyCharts';
import { ScopeKind, useBreakdown } from './useStats';

const COLUMNS = ['participants', 'completers', 'certified', 'aiAdopters'] as const;
type Column = 'name' | (typeof COLUMNS)[number];

/** Figures of every region (or round, …) of the programme: a bar chart and a table sorted by any column. */
export const BreakdownPanel = memo(function BreakdownPanel({
  programmeId,
  scope,
}: {
  programmeId: string;
  scope: ScopeKind;
}) {
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
              <GroupedBars
                height={260}
                category="label"
                slanted
                data={sorted.slice(0, 22)}
                series={stageSeries(t, ['participants', 'completers', 'certified'])}
              />
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
});
