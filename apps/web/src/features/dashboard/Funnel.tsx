import { Paper, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { FunnelChart } from './LazyCharts';
import type { Figures } from './useStats';

/** participants → completers → certified → AI adopters. */
export const Funnel = memo(function Funnel({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const data = (['participants', 'completers', 'certified', 'aiAdopters'] as const).map((key) => ({
    name: t(`figures.${key}`),
    value: figures[key],
  }));
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('dashboard.funnel')}
      </Title>
      <FunnelChart data={data} />
    </Paper>
  );
});
