import { Paper, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format';
import { QueryState } from '../../app/QueryState';
import { Lines, stageSeries } from './LazyCharts';
import { useHistory } from './useStats';

/** The headline figures over time, one point per snapshot. */
export const HistoryChart = memo(function HistoryChart({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const history = useHistory(programmeId);
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('dashboard.history')}
      </Title>
      <QueryState query={history}>
        {(points) =>
          points.length < 2 ? (
            <Text c="dimmed">{t('dashboard.noHistory')}</Text>
          ) : (
            <Lines
              data={points.map((p) => ({
                ...p,
                at: formatDate(p.computedAt, i18n.language),
              }))}
              series={stageSeries(t, ['participants', 'completers', 'certified'])}
            />
          )
        }
      </QueryState>
    </Paper>
  );
});
