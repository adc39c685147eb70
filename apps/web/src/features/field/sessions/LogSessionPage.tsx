import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { QueryState } from '../../../app/QueryState';
import { useSession } from '../../../app/useSession';
import { queueSession } from '../../../offline/outbox';
import { syncNow } from '../../../offline/sync';
import { byUrgency, useMyMentees } from '../mentees/useMyMentees';
import { SyncBar } from '../shared/SyncBar';
import { SessionForm } from './SessionForm';

/** A session is saved on the phone first; the outbox sends it when the network allows. */
export function LogSessionPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const userId = useSession()!.userId;
  const mentees = useMyMentees();

  return (
    <Stack maw={640}>
      <Title order={2}>{t('field.log.title')}</Title>
      <SyncBar />
      <QueryState query={mentees}>
        {(cached) => (
          <SessionForm
            mentees={[...cached.data].sort(byUrgency)}
            assignmentId={params.get('assignment') ?? undefined}
            submitLabel={t('field.log.save')}
            onSubmit={async (draft, mentee) => {
              await queueSession(userId, mentee.fullName, draft);
              if (navigator.onLine) void syncNow();
              await navigate('/field/outbox');
            }}
          />
        )}
      </QueryState>
    </Stack>
  );
}
