import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { QueryState } from '../../app/QueryState';
import { ScopeKind, useGenerations } from './useStats';

const STAGES = [
  ['participants', '#3b5bdb'],
  ['completers', '#2f9e44'],
  ['certified', '#e8590c'],
  ['aiAdopters', '#7048e8'],
] as const;

/**
 * The funnel of each cascade generation side by side: whether what the master teachers pass on
 * thins out further down (dilution) shows as shorter bars of completers and certified.
 */
export function GenerationFunnel({
  programmeId,
  scope,
  scopeId,
}: {
  programmeId: string;
  scope?: ScopeKind;
  scopeId?: string;
}) {
  const { t } = useTranslation();
  const generations = useGenerations(programmeId, scope, scopeId);
  const percent = (rate: number) => `${Math.round(rate * 100)}%`;
  return (
    <Paper withBorder p="md" data-testid="generation-funnel">
      <Title order={3} size="h4" mb="sm">
        {t('dashboard.generationFunnel')}
      </Title>
      <QueryState query={generations}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('dashboard.noGenerations')}</Text>
          ) : (
            <>
              <ResponsiveContainer width="100%" height={240}>
                <BarChart
                  data={data.items.map((g) => ({
                    ...g,
                    name:
                      g.generation === 'unknown'
                        ? t('dashboard.unknownGeneration')
                        : t('dashboard.generation', { generation: g.generation }),
                  }))}
                >
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="name" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend verticalAlign="top" />
                  {STAGES.map(([key, colour]) => (
                    <Bar
                      key={key}
                      dataKey={key}
                      name={t(`figures.${key}`)}
                      fill={colour}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              </ResponsiveContainer>
              <Text size="sm" c="dimmed">
                {data.items
                  .map((g) =>
                    t('dashboard.generationRates', {
                      generation: g.generation === 'unknown' ? '?' : g.generation,
                      completion: percent(g.completionRate),
                      certification: percent(g.certificationRate),
                    }),
                  )
                  .join(' · ')}
              </Text>
            </>
          )
        }
      </QueryState>
    </Paper>
  );
}
