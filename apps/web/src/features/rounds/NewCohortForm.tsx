import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { fieldError, formError, textFields } from '../../app/forms';
import { useProgramme } from '../programmes/useProgrammes';
import { useCourses, useRegions } from '../reference/useReference';
import { Round, useEligibleTrainers } from './useRounds';

type Mode = 'online' | 'face_to_face' | 'hybrid';
const FIELDS = [
  'name',
  'regionId',
  'leadTrainerId',
  'courseIds',
  'deliveryMode',
  'capacity',
  'startsOn',
  'endsOn',
  'language',
];

/** Adds a cohort to the round; the lead trainer is chosen among those the cascade rule allows. */
export function NewCohortForm({ programmeId, round }: { programmeId: string; round: Round }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const programme = useProgramme(programmeId);
  const regions = useRegions();
  const courses = useCourses();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const trainers = useEligibleTrainers(programmeId, round.id, q);
  const blank = {
    name: '',
    regionId: null as string | null,
    leadTrainerId: null as string | null,
    courseIds: null as string[] | null,
    deliveryMode: 'face_to_face' as Mode,
    language: 'mn' as 'mn' | 'en',
    capacity: 30 as number | string,
    startsOn: round.startsOn,
    endsOn: round.endsOn,
  };
  const [form, setForm] = useState(blank);
  const courseIds = form.courseIds ?? programme.data?.coreCourseIds ?? [];
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/cohorts', {
          body: {
            ...form,
            roundId: round.id,
            regionId: form.regionId ?? '',
            leadTrainerId: form.leadTrainerId ?? '',
            courseIds,
            capacity: Number(form.capacity),
          },
        }),
      ),
    onSuccess: async () => {
      setForm(blank);
      await queryClient.invalidateQueries({ queryKey: ['cohorts', { roundId: round.id }] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const err = (field: string) => fieldError(create.error, field);
  const text = textFields(form, setForm, create.error);
  const general = formError(create.error, FIELDS);
  const regionOptions = (regions.data ?? [])
    .filter((r) => round.regionIds.length === 0 || round.regionIds.includes(r.id))
    .map((r) => ({ value: r.id, label: i18n.language === 'mn' ? r.nameMn : r.name }));
  const trainerOptions = (trainers.data ?? []).map((p) => ({
    value: p.personId,
    label: `${p.fullName} · ${p.masterTeacher ? t('cohorts.masterTeacher') : t('cohorts.completer')}`,
  }));

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={t('cohorts.new')}>
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('cohorts.new')}
          </Title>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('cohorts.name')} required {...text('name')} />
            <Select
              label={t('cohorts.region')}
              required
              searchable
              data={regionOptions}
              value={form.regionId}
              error={err('regionId')}
              onChange={(regionId) => setForm({ ...form, regionId })}
            />
            <Select
              label={t('cohorts.leadTrainer')}
              description={t('cohorts.leadTrainerHint')}
              required
              searchable
              filter={({ options }) => options}
              searchValue={search}
              onSearchChange={setSearch}
              data={trainerOptions}
              value={form.leadTrainerId}
              error={err('leadTrainerId')}
              onChange={(leadTrainerId) => setForm({ ...form, leadTrainerId })}
            />
            <Select
              label={t('cohorts.deliveryMode')}
              required
              allowDeselect={false}
              data={(['face_to_face', 'online', 'hybrid'] as const).map((m) => ({
                value: m,
                label: t(`cohorts.modes.${m}`),
              }))}
              value={form.deliveryMode}
              error={err('deliveryMode')}
              onChange={(mode) => setForm({ ...form, deliveryMode: (mode as Mode) ?? 'face_to_face' })}
            />
            <NumberInput
              label={t('cohorts.capacity')}
              min={1}
              required
              value={form.capacity}
              error={err('capacity')}
              onChange={(capacity) => setForm({ ...form, capacity })}
            />
            <Select
              label={t('cohorts.language')}
              allowDeselect={false}
              data={[
                { value: 'mn', label: 'Монгол' },
                { value: 'en', label: 'English' },
              ]}
              value={form.language}
              onChange={(language) => setForm({ ...form, language: language === 'en' ? 'en' : 'mn' })}
            />
            <TextInput type="date" label={t('wizard.startsOn')} required {...text('startsOn')} />
            <TextInput type="date" label={t('wizard.endsOn')} required {...text('endsOn')} />
          </SimpleGrid>
          <MultiSelect
            label={t('cohorts.courses')}
            value={courseIds}
            error={err('courseIds')}
            onChange={(ids) => setForm({ ...form, courseIds: ids })}
            data={(courses.data ?? []).map((c) => ({
              value: c.id,
              label: `${c.code} · ${i18n.language === 'mn' ? c.titleMn : c.title}`,
            }))}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('cohorts.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
