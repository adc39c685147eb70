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
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { fieldError, formError } from '../../app/forms';
import { useCourses } from '../reference/useReference';
import { NewCourseButton } from './NewCourseButton';

const CREDENTIAL_FIELDS = [
  'title',
  'titleMn',
  'level',
  'issuer',
  'country',
  'eqfLevel',
  'assessmentType',
  'participationForm',
  'qualityAssurance',
] as const;
const FIELDS = [
  'name',
  'startsOn',
  'endsOn',
  'coreCourseIds',
  'passMark',
  'credential',
  ...CREDENTIAL_FIELDS.map((field) => `credential.${field}`),
];
const PARTICIPATION_FORMS = ['online', 'face_to_face', 'hybrid'] as const;
type ParticipationForm = (typeof PARTICIPATION_FORMS)[number];

/** Name, dates, core courses, pass mark and credential of a new programme, on one page. */
export function ProgrammeWizardPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const courses = useCourses();
  const [form, setForm] = useState({
    name: '',
    startsOn: '',
    endsOn: '',
    coreCourseIds: [] as string[],
    passMark: 60 as number | string,
    title: '',
    titleMn: '',
    level: '',
    issuer: '',
    // The EU's mandatory elements of a micro-credential: the API refuses an active programme without them.
    country: 'MN',
    eqfLevel: '' as number | string,
    assessmentType: '',
    participationForm: null as ParticipationForm | null,
    qualityAssurance: '',
  });
  const set = (patch: Partial<typeof form>) => setForm((current) => ({ ...current, ...patch }));

  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/programmes', {
          body: {
            name: form.name,
            startsOn: form.startsOn,
            endsOn: form.endsOn,
            coreCourseIds: form.coreCourseIds,
            passMark: Number(form.passMark),
            status: 'active',
            credential: {
              title: form.title,
              titleMn: form.titleMn || undefined,
              level: form.level,
              issuer: form.issuer,
              country: form.country,
              eqfLevel: form.eqfLevel === '' ? undefined : Number(form.eqfLevel),
              assessmentType: form.assessmentType,
              participationForm: form.participationForm ?? undefined,
              qualityAssurance: form.qualityAssurance,
            },
          },
        }),
      ),
    onSuccess: async (programme) => {
      await queryClient.invalidateQueries({ queryKey: ['programmes'] });
      navigate(`/programmes/${programme.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const err = (field: string) => fieldError(create.error, field);
  const general = formError(create.error, FIELDS);

  return (
    <Stack maw={760}>
      <Title order={2}>{t('wizard.title')}</Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <Paper withBorder p="md">
            <Stack>
              <TextInput
                label={t('wizard.name')}
                required
                value={form.name}
                error={err('name')}
                onChange={(e) => set({ name: e.currentTarget.value })}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  type="date"
                  label={t('wizard.startsOn')}
                  required
                  value={form.startsOn}
                  error={err('startsOn')}
                  onChange={(e) => set({ startsOn: e.currentTarget.value })}
                />
                <TextInput
                  type="date"
                  label={t('wizard.endsOn')}
                  required
                  value={form.endsOn}
                  error={err('endsOn')}
                  onChange={(e) => set({ endsOn: e.currentTarget.value })}
                />
                <NumberInput
                  label={t('wizard.passMark')}
                  min={0}
                  max={100}
                  required
                  value={form.passMark}
                  error={err('passMark')}
                  onChange={(value) => set({ passMark: value })}
                />
              </SimpleGrid>
              <Group align="end" wrap="nowrap">
                <MultiSelect
                  style={{ flex: 1 }}
                  label={t('wizard.coreCourses')}
                  description={t('wizard.coreCoursesHint')}
                  searchable
                  required
                  value={form.coreCourseIds}
                  error={err('coreCourseIds')}
                  onChange={(coreCourseIds) => set({ coreCourseIds })}
                  data={(courses.data ?? []).map((c) => ({
                    value: c.id,
                    label: `${c.code} · ${i18n.language === 'mn' ? c.titleMn : c.title}`,
                  }))}
                />
                <NewCourseButton onCreated={(id) => set({ coreCourseIds: [...form.coreCourseIds, id] })} />
              </Group>
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="sm">
              {t('wizard.credential')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('wizard.credentialTitle')}
                required
                value={form.title}
                error={err('credential.title')}
                onChange={(e) => set({ title: e.currentTarget.value })}
              />
              <TextInput
                label={t('wizard.credentialTitleMn')}
                lang="mn"
                value={form.titleMn}
                error={err('credential.titleMn')}
                onChange={(e) => set({ titleMn: e.currentTarget.value })}
              />
              <TextInput
                label={t('wizard.level')}
                required
                value={form.level}
                error={err('credential.level')}
                onChange={(e) => set({ level: e.currentTarget.value })}
              />
              <NumberInput
                label={t('wizard.eqfLevel')}
                min={1}
                max={8}
                value={form.eqfLevel}
                error={err('credential.eqfLevel')}
                onChange={(value) => set({ eqfLevel: value })}
              />
              <TextInput
                label={t('wizard.issuer')}
                required
                value={form.issuer}
                error={err('credential.issuer') ?? err('credential')}
                onChange={(e) => set({ issuer: e.currentTarget.value })}
              />
              <TextInput
                label={t('wizard.country')}
                description={t('wizard.countryHint')}
                required
                maxLength={2}
                value={form.country}
                error={err('credential.country')}
                onChange={(e) => set({ country: e.currentTarget.value.toUpperCase() })}
              />
              <TextInput
                label={t('wizard.assessmentType')}
                required
                value={form.assessmentType}
                error={err('credential.assessmentType')}
                onChange={(e) => set({ assessmentType: e.currentTarget.value })}
              />
              <Select
                label={t('wizard.participationForm')}
                required
                value={form.participationForm}
                error={err('credential.participationForm')}
                data={PARTICIPATION_FORMS.map((value) => ({ value, label: t(`cohorts.modes.${value}`) }))}
                onChange={(value) => set({ participationForm: value as ParticipationForm | null })}
              />
              <TextInput
                label={t('wizard.qualityAssurance')}
                required
                value={form.qualityAssurance}
                error={err('credential.qualityAssurance')}
                onChange={(e) => set({ qualityAssurance: e.currentTarget.value })}
              />
            </SimpleGrid>
          </Paper>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('wizard.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
