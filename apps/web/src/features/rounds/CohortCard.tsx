import { Anchor, Badge, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Cohort } from './useRounds';

/** One cohort on the round's board: lead trainer, dates, delivery mode and fill (e.g. 27/30). */
export function CohortCard({ cohort, leadTrainer }: { cohort: Cohort; leadTrainer: string }) {
  const { t } = useTranslation();
  const fill = cohort.capacity > 0 ? (100 * cohort.enrolled) / cohort.capacity : 0;
  return (
    <Paper withBorder p="sm" data-testid="cohort-card">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Anchor component={Link} to={`/cohorts/${cohort.id}`} fw={600}>
            {cohort.name}
          </Anchor>
          <Badge variant="light">{t(`cohorts.modes.${cohort.deliveryMode}`)}</Badge>
        </Group>
        <Text size="sm">
          {t('cohorts.leadTrainer')}: {leadTrainer}
        </Text>
        <Text size="sm" c="dimmed">
          {cohort.startsOn} – {cohort.endsOn}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Progress
            value={fill}
            style={{ flex: 1 }}
            aria-label={t('cohorts.fill')}
            color={fill >= 100 ? 'red' : undefined}
          />
          <Text size="sm" data-testid="cohort-fill">
            {cohort.enrolled}/{cohort.capacity}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
