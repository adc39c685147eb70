import { Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { QueryState } from '../../app/QueryState';
import { formatDay } from '../../i18n/format';

/** One educator: enrolments and completions, certification, AI evidence, and who trained them. */
export function PersonPage() {
  const { t, i18n } = useTranslation();
  const { personId = '' } = useParams();
  const record = useQuery({
    queryKey: ['person', personId],
    queryFn: () => unwrap(api.GET('/api/v1/people/{id}', { params: { path: { id: personId } } })),
  });

  return (
    <QueryState query={record}>
      {({ person, enrolments, certifications, aiAdoptions, trainedBy }) => (
        <Stack>
          <Title order={2}>{person.fullName}</Title>
          <Text c="dimmed">{person.email}</Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="xs">
                {t('person.certification')}
              </Title>
              {certifications.length === 0 && <Text c="dimmed">{t('person.noCertification')}</Text>}
              {certifications.map((c) => (
                <Group key={c.id} data-testid="certification">
                  <Text fw={600}>{c.number}</Text>
                  <Text>{formatDay(c.issuedOn, i18n.language)}</Text>
                  {/* Filled in the darkest shades: Mantine's light green is 3.1:1 and green 9 4.4:1, below WCAG AA. */}
                  <Badge color={c.revoked ? 'red.9' : 'teal.9'}>
                    {c.revoked ? t('person.revoked') : t('person.valid')}
                  </Badge>
                </Group>
              ))}
            </Paper>
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="xs">
                {t('person.trainedBy')}
              </Title>
              {trainedBy.length === 0 && <Text c="dimmed">{t('person.noChain')}</Text>}
              {trainedBy.map((line) => (
                <Stack key={line.programmeId} gap={4}>
                  <Text size="sm" fw={600}>
                    {line.programmeName}
                  </Text>
                  <List size="sm">
                    {line.chain.map((step) => (
                      <List.Item key={step.step}>
                        <Link to={`/people/${step.personId}`}>{step.fullName}</Link>
                        {step.isMasterTeacher ? ` · ${t('cohorts.masterTeacher')}` : ` · ${step.cohortName}`}
                      </List.Item>
                    ))}
                  </List>
                </Stack>
              ))}
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="xs">
              {t('person.enrolments')}
            </Title>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cohorts.name')}</Table.Th>
                  <Table.Th>{t('rounds.number')}</Table.Th>
                  <Table.Th>{t('grid.status')}</Table.Th>
                  <Table.Th>{t('person.completions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {enrolments.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Link to={`/cohorts/${e.cohortId}`}>{e.cohortName}</Link>
                    </Table.Td>
                    <Table.Td>{e.roundNumber}</Table.Td>
                    <Table.Td>{t(`grid.statuses.${e.status}`)}</Table.Td>
                    <Table.Td>
                      {e.completions
                        .map(
                          (c) =>
                            `${c.courseCode} ${c.completedOn}${c.score == null ? '' : ` (${String(c.score)})`}`,
                        )
                        .join(', ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="xs">
              {t('person.aiEvidence')}
            </Title>
            {aiAdoptions.length === 0 && <Text c="dimmed">{t('person.noEvidence')}</Text>}
            <List size="sm">
              {aiAdoptions.map((a) => (
                <List.Item key={a.id}>
                  {a.observedOn} · {t(`person.kinds.${a.kind}`)} · {a.description}{' '}
                  <Badge size="xs" color={a.verified ? 'teal.9' : 'gray.7'}>
                    {a.verified ? t('person.verified') : t('person.unverified')}
                  </Badge>
                </List.Item>
              ))}
            </List>
          </Paper>
        </Stack>
      )}
    </QueryState>
  );
}
