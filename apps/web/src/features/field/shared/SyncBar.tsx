import { Alert, Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { startSync, syncNow } from '../../../offline/sync';
import { isPending, needsAttention, useOutbox } from '../outbox/useOutbox';
import { useOnline } from './useOnline';

/** The network, what waits in the outbox, and "send now": on every field page. */
export function SyncBar() {
  const { t } = useTranslation();
  const online = useOnline();
  const items = useOutbox() ?? [];
  const sync = useMutation({ mutationFn: syncNow, networkMode: 'always' });
  useEffect(startSync, []);
  const pending = items.filter(isPending).length;
  const attention = items.filter(needsAttention).length;

  return (
    <Alert color={online ? 'indigo' : 'orange'} variant="light" p="sm" data-testid="sync-bar">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600} role="status">
          {online ? t('field.sync.online') : t('field.sync.offline')}
          {' · '}
          <Link to="/field/outbox">{t('field.sync.pending', { count: pending })}</Link>
          {attention > 0 && ` · ${t('field.sync.attention', { count: attention })}`}
        </Text>
        <Button size="md" variant="filled" onClick={() => sync.mutate()} loading={sync.isPending}>
          {t('field.sync.sendNow')}
        </Button>
      </Group>
      {sync.data && sync.data !== 'done' && (
        <Text size="sm" mt={4}>
          {t(`field.sync.outcome.${sync.data}`)}
        </Text>
      )}
    </Alert>
  );
}
