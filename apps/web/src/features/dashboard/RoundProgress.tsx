import { Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../app/QueryState';
import { useRoundPlans } from './useStats';

/** Plan against actual per round: places taken, completers and certified against the target. */
export const RoundProgress = memo(function RoundProgress({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const plans = useRoundPlans(programmeId);
  const share = (value: number, target: number) =>
    target > 0 ? Math.max(0, Math.min(100, (100 * value) / target)) : 0;
  return (
    <Paper withBorder p="md" data-testid="round-progress">
      <Title order={3} size="h4" mb="sm">
        {t('dashboard.roundProgress')}
      </Title>
      <QueryState query={plans}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('dashboard.noRounds')}</Text>
          ) : (
            <Stack gap="md">
              {data.items.map((round) => (
                <div key={round.roundId}>
                  <Group justify="space-between" mb={4}>
                    <Text fw={600}>{`${round.number}. ${round.name}`}</Text>
                    <Text size="sm" data-testid="round-attainment">
                      {t('dashboard.roundFigures', {
                        enrolled: round.enrolled,
                        target: round.targetParticipants,
                        completers: round.completers,
                        certified: round.certified,
                      })}
                    </Text>
                  </Group>
                  <Progress.Root size="lg">
                    {(
                      [
                        ['certified', round.certified, 'orange'],
                        ['completers', round.completers - round.certified, 'green'],
                        ['enrolled', round.enrolled - round.completers, 'blue'],
                      ] as const
                    ).map(([key, value, colour]) => (
                      <Progress.Section
                        key={key}
                        value={share(value, round.targetParticipants)}
                        color={colour}
                        aria-label={t('dashboard.roundBar', {
                          name: round.name,
                          stage: t(`dashboard.legend.${key}`),
                        })}
                      />
                    ))}
                  </Progress.Root>
                </div>
              ))}
              <Group gap="md">
                {(
                  [
                    ['orange', 'certified'],
                    ['green', 'completers'],
                    ['blue', 'enrolled'],
                  ] as const
                ).map(([colour, key]) => (
                  <Group key={key} gap={4}>
                    <Progress value={100} color={colour} w={16} size="sm" aria-hidden />
                    <Text size="xs">{t(`dashboard.legend.${key}`)}</Text>
                  </Group>
                ))}
              </Group>
            </Stack>
          )
        }
      </QueryState>
    </Paper>
  );
});
