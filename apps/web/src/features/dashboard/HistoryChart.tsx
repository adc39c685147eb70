import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { QueryState } from '../../app/QueryState';
import { useHistory } from './useStats';

/** The headline figures over time, one point per snapshot. */
export function HistoryChart({ programmeId }: { programmeId: string }) {
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
            <ResponsiveContainer width="100%" height={240}>
              <LineChart
                data={points.map((p) => ({
                  ...p,
                  at: new Date(p.computedAt).toLocaleDateString(i18n.language),
                }))}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="at" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Line
                  dataKey="participants"
                  name={t('figures.participants')}
                  stroke="#3b5bdb"
                  dot={false}
                  isAnimationActive={false}
                />
                <Line
                  dataKey="completers"
                  name={t('figures.completers')}
                  stroke="#2f9e44"
                  dot={false}
                  isAnimationActive={false}
                />
                <Line
                  dataKey="certified"
                  name={t('figures.certified')}
                  stroke="#e8590c"
                  dot={false}
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          )
        }
      </QueryState>
    </Paper>
  );
}
