import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../../app/QueryState';
import { useOutbox } from '../outbox/useOutbox';
import { AsOf } from '../shared/AsOf';
import { SECONDARY_TEXT } from '../shared/colors';
import { formatDay } from '../../../i18n/format';
import { SyncBar } from '../shared/SyncBar';
import { type FieldCohort, useMyCohorts } from './useMyCohorts';
import { withOutbox } from './useQueueCompletions';

/** The cohorts the master teacher leads: who is in each and how far they have come. */
export function MyCohortsPage() {
  const { t } = useTranslation();
  const cohorts = useMyCohorts();

  return (
    <Stack maw={640}>
      <Title order={2}>{t('field.cohorts.title')}</Title>
      <SyncBar />
      <QueryState query={cohorts}>
        {(cached) => (
          <>
            <AsOf cached={cached} />
            {cached.data.length === 0 && <Text>{t('field.cohorts.empty')}</Text>}
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {cached.data.map((field) => (
                <CohortCard key={field.cohort.id} field={field} />
              ))}
            </Stack>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function CohortCard({ field }: { field: FieldCohort }) {
  const { t, i18n } = useTranslation();
  const { cohort, courses, roster } = field;
  const completions = withOutbox(field, useOutbox() ?? []);
  const active = roster.filter((e) => e.status !== 'withdrawn');
  const completers = active.filter(
    (e) =>
      courses.length > 0 &&
      courses.every((c) => completions.some((x) => x.enrolmentId === e.id && x.courseId === c.id)),
  ).length;
  const name = i18n.language === 'mn' ? (cohort.nameMn ?? cohort.name) : cohort.name;

  return (
    <Card withBorder padding="md" component="li" data-testid={`cohort-${cohort.id}`}>
      <Stack gap={6}>
        <Title order={3} size="h4">
          {name}
        </Title>
        <Text size="sm" c={SECONDARY_TEXT}>
          {`${formatDay(cohort.startsOn, i18n.language)} – ${formatDay(cohort.endsOn, i18n.language)}`}
        </Text>
        <Group gap="xs">
          <Badge color="indigo.9" variant="filled">
            {t('field.cohorts.participants', { count: active.length })}
          </Badge>
          <Badge color="teal.9" variant="filled">
            {t('field.cohorts.completers', { count: completers })}
          </Badge>
        </Group>
        <Text size="sm">{t('field.cohorts.courses', { count: courses.length })}</Text>
        <Button
          component={Link}
          to={`/field/cohorts/${cohort.id}`}
          size="lg"
          fullWidth
          aria-label={t('field.cohorts.openFor', { name })}
        >
          {t('field.cohorts.open')}
        </Button>
      </Stack>
    </Card>
  );
}
