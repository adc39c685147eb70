import { Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Figures } from './useStats';

/** participants → completers → certified → AI adopters. */
export function Funnel({ figures }: { figures: Figures }) {
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
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 48 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={140} />
          <Tooltip />
          <Bar dataKey="value" fill="#3b5bdb" isAnimationActive={false}>
            <LabelList dataKey="value" position="right" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </Paper>
  );
}
