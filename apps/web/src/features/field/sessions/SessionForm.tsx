import { Button, NativeSelect, NumberInput, Radio, Stack, Textarea, TextInput, Group } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionDraft } from '../../../offline/db';
import { localInputValue, toLocalInput, withOffset } from '../shared/format';
import type { Mentee } from '../mentees/useMyMentees';

const MODES: SessionDraft['mode'][] = ['face_to_face', 'online', 'phone'];

interface Props {
  mentees: Mentee[];
  initial?: SessionDraft;
  assignmentId?: string;
  submitLabel: string;
  onSubmit: (draft: SessionDraft, mentee: Mentee) => void | Promise<void>;
}

/** What happened in a session, as the API takes it; used to log one and to correct a rejected one. */
export function SessionForm({ mentees, initial, assignmentId, submitLabel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [mentee, setMentee] = useState(initial?.assignmentId ?? assignmentId ?? '');
  const [occurredAt, setOccurredAt] = useState(
    initial ? toLocalInput(initial.occurredAt) : localInputValue(),
  );
  const [duration, setDuration] = useState<number | string>(initial?.durationMinutes ?? 60);
  const [mode, setMode] = useState<string>(initial?.mode ?? 'face_to_face');
  const [topics, setTopics] = useState((initial?.topics ?? []).join(', '));
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [tried, setTried] = useState(false);

  const chosen = mentees.find((m) => m.assignmentId === mentee);
  const minutes = Number(duration);
  const durationError =
    Number.isInteger(minutes) && minutes >= 1 && minutes <= 600 ? null : t('field.log.durationRange');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!chosen || durationError || !occurredAt) return;
    const list = topics
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    void onSubmit(
      {
        assignmentId: chosen.assignmentId,
        occurredAt: withOffset(occurredAt),
        durationMinutes: minutes,
        mode: mode as SessionDraft['mode'],
        topics: list,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      },
      chosen,
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <NativeSelect
          size="md"
          label={t('field.log.mentee')}
          required
          value={mentee}
          onChange={(e) => setMentee(e.currentTarget.value)}
          error={tried && !chosen ? t('field.log.chooseMentee') : undefined}
          data={[
            { value: '', label: t('field.log.choose') },
            ...mentees.map((m) => ({ value: m.assignmentId, label: m.fullName })),
          ]}
        />
        <TextInput
          size="md"
          type="datetime-local"
          label={t('field.log.occurredAt')}
          required
          value={occurredAt}
          onChange={(e) => setOccurredAt(e.currentTarget.value)}
        />
        <NumberInput
          size="md"
          label={t('field.log.duration')}
          required
          min={1}
          max={600}
          step={15}
          value={duration}
          onChange={setDuration}
          error={tried ? durationError : undefined}
        />
        <Radio.Group label={t('field.log.mode')} value={mode} onChange={setMode} size="md">
          <Group gap="lg" mt={6}>
            {MODES.map((value) => (
              <Radio key={value} value={value} label={t(`field.modes.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        <TextInput
          size="md"
          label={t('field.log.topics')}
          description={t('field.log.topicsHint')}
          value={topics}
          onChange={(e) => setTopics(e.currentTarget.value)}
        />
        <Textarea
          size="md"
          label={t('field.log.notes')}
          autosize
          minRows={3}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <Button type="submit" size="lg" fullWidth>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
