import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../app/QueryState';
import { useRegionName } from '../reference/useReference';
import { CohortCard } from './CohortCard';
import { NewCohortForm } from './NewCohortForm';
import { Cohort, useCohorts, useEligibleTrainers, useRound } from './useRounds';

/** A round's board: its cohorts by region, how full each is, and a form to add a cohort. */
export function RoundPlanningPage() {
  const { t } = useTranslation();
  const { programmeId = '', roundId = '' } = useParams();
  const round = useRound(programmeId, roundId);
  const cohorts = useCohorts(roundId);
  const trainers = useEligibleTrainers(programmeId, roundId, '');
  const regionName = useRegionName();
  const trainerName = (id: string) => trainers.data?.find((p) => p.personId === id)?.fullName ?? '…';

  return (
    <QueryState query={round}>
      {(r) => (
        <Stack>
          <Group justify="space-between">
            <Title order={2}>
              {r.name} ({t('rounds.number')} {r.number})
            </Title>
            <Anchor component={Link} to={`/programmes/${programmeId}`}>
              {t('rounds.backToProgramme')}
            </Anchor>
          </Group>
          <QueryState query={cohorts}>
            {(items) => {
              const byRegion = new Map<string, Cohort[]>();
              for (const cohort of items)
                byRegion.set(cohort.regionId, [...(byRegion.get(cohort.regionId) ?? []), cohort]);
              const enrolled = items.reduce((sum, c) => sum + c.enrolled, 0);
              const capacity = items.reduce((sum, c) => sum + c.capacity, 0);
              return (
                <>
                  <Text data-testid="round-totals">
                    {t('rounds.totals', {
                      enrolled,
                      capacity,
                      target: r.targetParticipants,
                      cohorts: items.length,
                    })}
                  </Text>
                  {items.length === 0 && <Text c="dimmed">{t('rounds.noCohorts')}</Text>}
                  <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
                    {[...byRegion.entries()].map(([regionId, regionCohorts]) => (
                      <Paper
                        key={regionId}
                        withBorder
                        p="md"
                        bg="gray.0"
                        component="section"
                        aria-label={regionName(regionId)}
                      >
                        <Title order={3} size="h5" mb="xs">
                          {regionName(regionId)}
                        </Title>
                        <Stack gap="xs">
                          {regionCohorts.map((cohort) => (
                            <CohortCard
                              key={cohort.id}
                              cohort={cohort}
                              leadTrainer={trainerName(cohort.leadTrainerId)}
                            />
                          ))}
                        </Stack>
                      </Paper>
                    ))}
                  </SimpleGrid>
                </>
              );
            }}
          </QueryState>
          <NewCohortForm programmeId={programmeId} round={r} />
        </Stack>
      )}
    </QueryState>
  );
}
