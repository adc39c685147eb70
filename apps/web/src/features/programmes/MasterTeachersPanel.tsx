import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, asPage, paging, Schemas, unwrap } from '../../api/client';
import { fieldError, formError, today } from '../../app/forms';
import { QueryState } from '../../app/QueryState';
import { PeoplePicker } from '../people/PeoplePicker';
import { Person, useRegionName, useRegions } from '../reference/useReference';

type MasterTeacher = Schemas['MasterTeacherView'];

/** The programme's master teachers (generation 1) and the regions each serves; add one from people. */
export function MasterTeachersPanel({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const masters = useQuery({
    queryKey: ['master-teachers', programmeId],
    queryFn: async () =>
      asPage<MasterTeacher>(
        await unwrap(
          api.GET('/api/v1/programmes/{id}/master-teachers', {
            params: { path: { id: programmeId }, query: paging(0, 500) },
          }),
        ),
      ).items,
  });

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('masters.title')}
      </Title>
      <QueryState query={masters}>
        {(items) => (
          <Stack>
            {items.length === 0 ? (
              <Text c="dimmed">{t('masters.none')}</Text>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('people.name')}</Table.Th>
                    <Table.Th>{t('masters.trainedOn')}</Table.Th>
                    <Table.Th>{t('masters.regions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((m) => (
                    <Table.Tr key={m.personId}>
                      <Table.Td>
                        <Link to={`/people/${m.personId}`}>{m.fullName}</Link>
                      </Table.Td>
                      <Table.Td>{m.trainedOn}</Table.Td>
                      <Table.Td>{m.regionIds.map(regionName).join(', ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <AddMasterTeacherForm programmeId={programmeId} />
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}

function AddMasterTeacherForm({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const regions = useRegions();
  const [people, setPeople] = useState<Person[]>([]);
  const [regionIds, setRegionIds] = useState<string[]>([]);
  const [trainedOn, setTrainedOn] = useState(today());
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/programmes/{id}/master-teachers', {
          params: { path: { id: programmeId } },
          body: { personId: people[0]?.id ?? '', regionIds, trainedOn },
        }),
      ),
    onSuccess: async () => {
      setPeople([]);
      setRegionIds([]);
      await queryClient.invalidateQueries({ queryKey: ['master-teachers', programmeId] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  const general = formError(add.error, ['personId', 'regionIds', 'trainedOn']);

  return (
    <form onSubmit={submit} noValidate aria-label={t('masters.add')}>
      <Stack gap="xs">
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <PeoplePicker
            label={t('masters.person')}
            max={1}
            value={people}
            onChange={setPeople}
            error={fieldError(add.error, 'personId')}
          />
          <MultiSelect
            label={t('masters.regions')}
            searchable
            value={regionIds}
            onChange={setRegionIds}
            error={fieldError(add.error, 'regionIds')}
            data={(regions.data ?? []).map((r) => ({
              value: r.id,
              label: i18n.language === 'mn' ? r.nameMn : r.name,
            }))}
          />
          <TextInput
            type="date"
            label={t('masters.trainedOn')}
            value={trainedOn}
            error={fieldError(add.error, 'trainedOn')}
            onChange={(e) => setTrainedOn(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={add.isPending} disabled={people.length === 0}>
            {t('masters.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
