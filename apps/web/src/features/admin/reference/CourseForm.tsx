import { Group, MultiSelect, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { textFields } from '../../../app/forms';
import { FormActions } from '../shared/FormActions';
import { Course, NewCourse, useSaveCourse } from './useReference';

const MODES: NewCourse['deliveryModes'] = ['online', 'face_to_face', 'hybrid'];

/** A new course, or the one given changed: bilingual titles, learning outcomes (one a line), workload, ECTS. */
export function CourseForm({ course, onDone }: { course: Course | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<NewCourse>({
    code: course?.code ?? '',
    title: course?.title ?? '',
    titleMn: course?.titleMn ?? '',
    workloadHours: course?.workloadHours ?? 30,
    ects: course?.ects ?? null,
    learningOutcomes: course?.learningOutcomes ?? [],
    language: course?.language ?? 'mn',
    deliveryModes: course?.deliveryModes ?? ['face_to_face'],
  });
  const [outcomes, setOutcomes] = useState(form.learningOutcomes.join('\n'));
  const save = useSaveCourse();
  const fields = save.error instanceof ApiError ? save.error.fields : {};
  const text = textFields(form, setForm, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const learningOutcomes = outcomes
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    save.mutate({ id: course?.id ?? null, body: { ...form, learningOutcomes } }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group align="start" grow>
          <TextInput label={t('admin.reference.code')} required {...text('code')} />
          <TextInput label={t('admin.reference.courseTitleMn')} required {...text('titleMn')} />
          <TextInput label={t('admin.reference.courseTitle')} required {...text('title')} />
        </Group>
        <Group align="start" grow>
          <NumberInput
            label={t('admin.reference.workloadHours')}
            required
            min={1}
            value={form.workloadHours}
            error={fields.workloadHours}
            onChange={(value) => setForm({ ...form, workloadHours: Number(value) })}
          />
          <NumberInput
            label={t('admin.reference.ects')}
            min={0}
            decimalScale={1}
            value={form.ects ?? ''}
            error={fields.ects}
            onChange={(value) => setForm({ ...form, ects: value === '' ? null : Number(value) })}
          />
          <Select
            label={t('admin.reference.language')}
            value={form.language}
            allowDeselect={false}
            onChange={(language) =>
              language && setForm({ ...form, language: language as NewCourse['language'] })
            }
            data={[
              { value: 'mn', label: t('admin.reports.languages.mn') },
              { value: 'en', label: t('admin.reports.languages.en') },
            ]}
          />
          <MultiSelect
            label={t('admin.reference.deliveryModes')}
            value={form.deliveryModes}
            error={fields.deliveryModes}
            onChange={(modes) => setForm({ ...form, deliveryModes: modes as NewCourse['deliveryModes'] })}
            data={MODES.map((m) => ({ value: m, label: t(`admin.reference.modes.${m}`) }))}
          />
        </Group>
        <Textarea
          label={t('admin.reference.learningOutcomes')}

          autosize
          minRows={3}
          value={outcomes}
          error={fields.learningOutcomes}
          onChange={(e) => setOutcomes(e.currentTarget.value)}
        />
        <FormActions saving={save.isPending} error={save.error} onCancel={onDone} />
      </Stack>
    </form>
  );
}
