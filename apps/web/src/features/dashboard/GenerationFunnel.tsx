import { Paper, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../app/QueryState';
import { GroupedBars, stageSeries } from './LazyCharts';
import { ScopeKind, useGenerations } from './useStats';

/**
 * The funnel of each cascade generation side by side: whether what the master teachers pass on
 * thins out further down (dilution) shows as shorter bars of completers and certified.
 */
export const GenerationFunnel = memo(function GenerationFunnel({
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
              <GroupedBars
                height={240}
                category="name"
                series={stageSeries(t, ['participants', 'completers', 'certified', 'aiAdopters'])}
                data={data.items.map((g) => ({
                  ...g,
                  name:
                    g.generation === 'unknown'
                      ? t('dashboard.unknownGeneration')
                      : t('dashboard.generation', { generation: g.generation }),
                }))}
              />
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
});
