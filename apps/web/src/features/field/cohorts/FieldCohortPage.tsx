import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../../app/QueryState';
import { CompletionsGrid } from '../../cohorts/CompletionsGrid';
import { byEnrolment } from '../../cohorts/useCohort';
import { useOutbox } from '../outbox/useOutbox';
import { AsOf } from '../shared/AsOf';
import { SyncBar } from '../shared/SyncBar';
import { type FieldCohort, useMyCohorts } from './useMyCohorts';
import { useQueueCompletions, withOutbox } from './useQueueCompletions';

/** One of the master teacher's cohorts: its roster and completions, recorded on the phone first. */
export function FieldCohortPage() {
  const { t } = useTranslation();
  const { cohortId } = useParams();
  const cohorts = useMyCohorts();

  return (
    <Stack maw={640}>
      <Anchor component={Link} to="/field/cohorts">
        {t('field.cohorts.back')}
      </Anchor>
      <QueryState query={cohorts}>
        {(cached) => {
          const field = cached.data.find((f) => f.cohort.id === cohortId);
          if (!field) return <Text>{t('field.cohorts.notFound')}</Text>;
          return (
            <>
              <CohortTitle field={field} />
              <SyncBar />
              <AsOf cached={cached} />
              <Grid field={field} />
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function CohortTitle({ field: { cohort } }: { field: FieldCohort }) {
  const { i18n } = useTranslation();
  return <Title order={2}>{i18n.language === 'mn' ? (cohort.nameMn ?? cohort.name) : cohort.name}</Title>;
}

function Grid({ field }: { field: FieldCohort }) {
  const save = useQueueCompletions(field);
  const outbox = useOutbox();
  // The cells show the phone's own completions too: wait for them rather than flash empty cells.
  if (!outbox) return null;
  const completions = withOutbox(field, outbox);
  return (
    <CompletionsGrid
      compact
      save={save}
      courses={field.courses}
      roster={field.roster}
      completions={byEnrolment(completions)}
    />
  );
}
