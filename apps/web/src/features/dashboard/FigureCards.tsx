import { Paper, SimpleGrid, Text } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figures } from './useStats';

const HEADLINE = [
  'participants',
  'completers',
  'certified',
  'aiAdopters',
  'institutions',
  'masterTeachers',
] as const;

/** The programme's headline figures, one card each. */
export const FigureCards = memo(function FigureCards({ figures }: { figures: Figures }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
      {HEADLINE.map((key) => (
        <Paper key={key} withBorder p="md" data-testid={`figure-${key}`}>
          <Text size="sm" c="dimmed">
            {t(`figures.${key}`)}
          </Text>
          <Text size="xl" fw={700}>
            {number.format(figures[key])}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
});
