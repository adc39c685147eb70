import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../i18n/format';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../app/QueryState';
import { useCourses, useRegionName } from '../reference/useReference';
import { CompletionsGrid } from './CompletionsGrid';
import { EnrolForm } from './EnrolForm';
import { useCohort, useCohortCompletions, useRoster, useWithdraw } from './useCohort';
import { useSaveCompletions } from './useSaveCompletions';

/** A cohort: who is in it and how far each has come; enrol, withdraw and record completions. */
export function CohortPage() {
  const { t, i18n } = useTranslation();
  const { cohortId = '' } = useParams();
  const cohort = useCohort(cohortId);
  const roster = useRoster(cohortId);
  const completions = useCohortCompletions(cohortId);
  const courses = useCourses();
  const regionName = useRegionName();
  const save = useSaveCompletions(cohortId);
  const withdraw = useWithdraw(cohortId);

  return (
    <QueryState query={cohort}>
      {(c) => (
        <Stack>
          <Group justify="space-between">
            <Group>
              <Title order={2}>{c.name}</Title>
              <Badge variant="light">{t(`cohorts.modes.${c.deliveryMode}`)}</Badge>
            </Group>
            <Anchor component={Link} to={`/programmes/${c.programmeId}/rounds/${c.roundId}`}>
              {t('cohorts.backToRound')}
            </Anchor>
          </Group>
          <Text>
            {regionName(c.regionId)} · {formatDay(c.startsOn, i18n.language)} –{' '}
            {formatDay(c.endsOn, i18n.language)} ·{' '}
            <span data-testid="cohort-fill">
              {c.enrolled}/{c.capacity}
            </span>{' '}
            · <Link to={`/people/${c.leadTrainerId}`}>{t('cohorts.leadTrainer')}</Link>
          </Text>
          <EnrolForm cohortId={c.id} />
          <QueryState query={roster}>
            {(people) =>
              completions.data ? (
                <CompletionsGrid
                  save={save}
                  withdraw={withdraw}
                  roster={people}
                  completions={completions.data}
                  courses={c.courseIds
                    .map((id) => courses.data?.find((course) => course.id === id))
                    .filter((x) => !!x)}
                />
              ) : null
            }
          </QueryState>
        </Stack>
      )}
    </QueryState>
  );
}
