import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../app/QueryState';
import { MasterTeachersPanel } from './MasterTeachersPanel';
import { RoundsPanel } from '../rounds/RoundsPanel';
import { useProgramme } from './useProgrammes';

/** A programme at a glance: its rules and credential, its rounds and its master teachers. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  const programme = useProgramme(programmeId);

  return (
    <QueryState query={programme}>
      {(p) => {
        const credential = p.credential as {
          title?: string;
          titleMn?: string;
          level?: string;
          issuer?: string;
        };
        return (
          <Stack>
            <Group justify="space-between">
              <Group>
                <Title order={2}>{p.name}</Title>
                <Badge variant="light">{t(`programmes.statuses.${p.status}`)}</Badge>
              </Group>
              <Group>
                <Anchor component={Link} to={`/dashboard?programme=${p.id}`}>
                  {t('nav.dashboard')}
                </Anchor>
                <Anchor component={Link} to={`/programmes/${p.id}/cascade`}>
                  {t('tree.title')}
                </Anchor>
              </Group>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Paper withBorder p="md">
                <Text size="sm" c="dimmed">
                  {t('programmes.dates')}
                </Text>
                <Text>
                  {p.startsOn} – {p.endsOn}
                </Text>
              </Paper>
              <Paper withBorder p="md">
                <Text size="sm" c="dimmed">
                  {t('programmes.passMark')}
                </Text>
                <Text>{p.passMark}</Text>
              </Paper>
              <Paper withBorder p="md">
                <Text size="sm" c="dimmed">
                  {t('wizard.credential')}
                </Text>
                <Text>{credential.titleMn ?? credential.title}</Text>
                <Text size="sm">
                  {credential.level} · {credential.issuer}
                </Text>
              </Paper>
            </SimpleGrid>
            <RoundsPanel programmeId={p.id} />
            <MasterTeachersPanel programmeId={p.id} />
          </Stack>
        );
      }}
    </QueryState>
  );
}
