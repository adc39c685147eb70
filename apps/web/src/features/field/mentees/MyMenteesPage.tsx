import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../app/QueryState';
import { AsOf } from '../shared/AsOf';
import { SyncBar } from '../shared/SyncBar';
import { isPending, useOutbox } from '../outbox/useOutbox';
import { MenteeCard } from './MenteeCard';
import { byUrgency, useMyMentees } from './useMyMentees';

export function MyMenteesPage() {
  const { t } = useTranslation();
  const mentees = useMyMentees();
  const waiting = waitingByAssignment(useOutbox() ?? []);

  return (
    <Stack maw={640}>
      <Title order={2}>{t('field.mentees.title')}</Title>
      <SyncBar />
      <QueryState query={mentees}>
        {(cached) => (
          <>
            <AsOf cached={cached} />
            {cached.data.length === 0 && <Text>{t('field.mentees.empty')}</Text>}
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {[...cached.data].sort(byUrgency).map((mentee) => (
                <MenteeCard
                  key={mentee.assignmentId}
                  mentee={mentee}
                  waiting={waiting.get(mentee.assignmentId) ?? 0}
                />
              ))}
            </Stack>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function waitingByAssignment(items: ReturnType<typeof useOutbox> & object): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items)
    if (item.kind === 'session' && isPending(item))
      counts.set(item.payload.assignmentId, (counts.get(item.payload.assignmentId) ?? 0) + 1);
  return counts;
}
