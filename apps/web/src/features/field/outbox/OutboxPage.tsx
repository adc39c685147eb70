import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMyMentees } from '../mentees/useMyMentees';
import { SyncBar } from '../shared/SyncBar';
import { OutboxItemCard } from './OutboxItemCard';
import { useOutbox } from './useOutbox';

export function OutboxPage() {
  const { t } = useTranslation();
  const items = useOutbox();
  const mentees = useMyMentees().data?.data ?? [];

  return (
    <Stack maw={640}>
      <Title order={2}>{t('field.outbox.title')}</Title>
      <SyncBar />
      {items?.length === 0 && <Text>{t('field.outbox.empty')}</Text>}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {items?.map((item) => (
          <OutboxItemCard key={item.clientRef} item={item} mentees={mentees} />
        ))}
      </Stack>
    </Stack>
  );
}
