import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationError } from '../../admin/shared/MutationError';
import type { OutboxItem, OutboxState } from '../../../offline/db';
import type { Mentee } from '../mentees/useMyMentees';
import { SessionForm } from '../sessions/SessionForm';
import { formatDateTime, formatDay } from '../../../i18n/format';
import { ConflictView } from './ConflictView';
import { correct, discard, useKeepMine, useKeepServers } from './useResolve';
import { ATTENTION } from '../shared/colors';

const COLOR: Record<OutboxState, string> = {
  waiting: 'gray.8',
  sent: 'blue.9',
  stored: 'green.9',
  duplicate: 'teal.9',
  conflict: ATTENTION,
  rejected: 'red.9',
};

/** One item of the outbox: what it holds, its state, and what the user can do about it. */
export function OutboxItemCard({ item, mentees }: { item: OutboxItem; mentees: Mentee[] }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const keepServers = useKeepServers();
  const keepMine = useKeepMine();

  return (
    <Card
      withBorder
      padding="md"
      component="li"
      data-testid={`outbox-${item.clientRef}`}
      data-state={item.state}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={700}>{item.label}</Text>
          <Badge color={COLOR[item.state]} variant="filled" data-testid="state" style={{ flexShrink: 0 }}>
            {t(`field.state.${item.state}`)}
          </Badge>
        </Group>
        <Text size="sm">{summary(item, t, i18n.language)}</Text>
        {item.reason && (
          <Text size="sm" c={item.state === 'rejected' ? 'red.9' : ATTENTION} data-testid="reason">
            {item.reason}
          </Text>
        )}
        {item.state === 'conflict' && (
          <>
            <ConflictView item={item} />
            <Stack gap="xs">
              <Button size="md" variant="default" onClick={() => keepServers.mutate(item)}>
                {t('field.conflict.keepServers')}
              </Button>
              <Button
                size="md"
                onClick={() => keepMine.mutate(item)}
                loading={keepMine.isPending}
                disabled={!item.server}
              >
                {t('field.conflict.keepMine')}
              </Button>
            </Stack>
            <MutationError error={keepMine.error ?? keepServers.error} />
          </>
        )}
        {item.state === 'rejected' && !editing && (
          <Stack gap="xs">
            <Button size="md" variant="default" onClick={() => void discard(item)}>
              {t('field.outbox.discard')}
            </Button>
            {item.kind === 'session' && (
              <Button size="md" onClick={() => setEditing(true)}>
                {t('field.outbox.edit')}
              </Button>
            )}
          </Stack>
        )}
        {editing && item.kind === 'session' && (
          <SessionForm
            mentees={mentees}
            initial={item.payload}
            submitLabel={t('field.outbox.resend')}
            onSubmit={async (draft) => {
              await correct(item, draft);
              setEditing(false);
            }}
          />
        )}
      </Stack>
    </Card>
  );
}

function summary(
  item: OutboxItem,
  t: (key: string, options?: Record<string, unknown>) => string,
  language: string,
): string {
  if (item.kind === 'session')
    return t('field.outbox.session', {
      when: formatDateTime(item.payload.occurredAt, language),
      minutes: item.payload.durationMinutes,
      mode: t(`field.modes.${item.payload.mode}`),
    });
  // The label already names the participant and the course.
  return t('field.outbox.completion', {
    date: formatDay(item.payload.completedOn, language),
    score: item.payload.score ?? '—',
  });
}
