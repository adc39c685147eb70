import { Alert, Button, Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { fieldError, formError, textFields } from '../../app/forms';

const EMPTY = { code: '', title: '', titleMn: '', workloadHours: 30 as number | string };

/** Creates a course without leaving the programme form; the new course is picked at once. */
export function NewCourseButton({ onCreated }: { onCreated: (courseId: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure();
  const [form, setForm] = useState(EMPTY);
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/courses', {
          body: {
            ...form,
            workloadHours: Number(form.workloadHours),
            language: 'mn',
            learningOutcomes: [],
            deliveryModes: ['online', 'face_to_face', 'hybrid'],
          },
        }),
      ),
    onSuccess: async (course) => {
      await queryClient.invalidateQueries({ queryKey: ['courses'] });
      onCreated(course.id);
      setForm(EMPTY);
      close();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    create.mutate();
  };
  const err = (field: string) => fieldError(create.error, field);
  const text = textFields(form, setForm, create.error);
  const general = formError(create.error, ['code', 'title', 'titleMn', 'workloadHours']);

  return (
    <>
      <Button variant="default" onClick={open}>
        {t('wizard.newCourse')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('wizard.newCourse')}>
        <form onSubmit={submit} noValidate>
          <Stack>
            {general && (
              <Alert color="red" role="alert">
                {general}
              </Alert>
            )}
            <SimpleGrid cols={2}>
              <TextInput label={t('course.code')} required {...text('code')} />
              <NumberInput
                label={t('course.workloadHours')}
                min={1}
                required
                value={form.workloadHours}
                error={err('workloadHours')}
                onChange={(workloadHours) => setForm({ ...form, workloadHours })}
              />
            </SimpleGrid>
            <TextInput label={t('course.titleMn')} required {...text('titleMn')} />
            <TextInput label={t('course.title')} required {...text('title')} />
            <Button type="submit" loading={create.isPending}>
              {t('common.save')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
