import {
  Alert,
  Anchor,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../i18n/format';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { fieldError, formError, textFields } from '../../app/forms';
import { QueryState } from '../../app/QueryState';
import { useRegionName, useRegions } from '../reference/useReference';
import { useRounds } from './useRounds';

/** The programme's rounds in order, each with its target, and a form to plan the next one. */
export function RoundsPanel({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const rounds = useRounds(programmeId);
  const regionName = useRegionName();

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('rounds.title')}
      </Title>
      <QueryState query={rounds}>
        {(items) => (
          <Stack>
            {items.length > 0 && (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('rounds.number')}</Table.Th>
                    <Table.Th>{t('rounds.name')}</Table.Th>
                    <Table.Th>{t('programmes.dates')}</Table.Th>
                    <Table.Th>{t('rounds.target')}</Table.Th>
                    <Table.Th>{t('rounds.regions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((round) => (
                    <Table.Tr key={round.id}>
                      <Table.Td>{round.number}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/programmes/${programmeId}/rounds/${round.id}`}>
                          {round.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {formatDay(round.startsOn, i18n.language)} – {formatDay(round.endsOn, i18n.language)}
                      </Table.Td>
                      <Table.Td>{round.targetParticipants}</Table.Td>
                      <Table.Td>{round.regionIds.map(regionName).join(', ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <NewRoundForm programmeId={programmeId} next={items.length + 1} />
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}

function NewRoundForm({ programmeId, next }: { programmeId: string; next: number }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const regions = useRegions();
  const blank = {
    name: '',
    startsOn: '',
    endsOn: '',
    targetParticipants: 100 as number | string,
    regionIds: [] as string[],
  };
  const [form, setForm] = useState(blank);
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/programmes/{id}/rounds', {
          params: { path: { id: programmeId } },
          body: { ...form, number: next, targetParticipants: Number(form.targetParticipants) },
        }),
      ),
    onSuccess: async () => {
      setForm(blank);
      await queryClient.invalidateQueries({ queryKey: ['rounds', programmeId] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const err = (field: string) => fieldError(create.error, field);
  const text = textFields(form, setForm, create.error);
  const general = formError(create.error, ['name', 'startsOn', 'endsOn', 'targetParticipants', 'regionIds']);

  return (
    <form onSubmit={submit} noValidate aria-label={t('rounds.new')}>
      <Stack gap="xs">
        <Title order={4} size="h5">
          {t('rounds.new')} ({t('rounds.number')} {next})
        </Title>
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput label={t('rounds.name')} required {...text('name')} />
          <TextInput type="date" label={t('wizard.startsOn')} required {...text('startsOn')} />
          <TextInput type="date" label={t('wizard.endsOn')} required {...text('endsOn')} />
          <NumberInput
            label={t('rounds.target')}
            min={1}
            required
            value={form.targetParticipants}
            error={err('targetParticipants')}
            onChange={(targetParticipants) => setForm({ ...form, targetParticipants })}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('rounds.regions')}
          searchable
          value={form.regionIds}
          error={err('regionIds')}
          onChange={(regionIds) => setForm({ ...form, regionIds })}
          data={(regions.data ?? []).map((r) => ({
            value: r.id,
            label: i18n.language === 'mn' ? r.nameMn : r.name,
          }))}
        />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('rounds.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
