import { Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { MutationError } from '../shared/MutationError';

/** Where the API mounts bull-board; it lets in only a browser holding the admin's pass cookie. */
const BOARD = '/api/v1/queues/';

export function QueuesPage() {
  const { t } = useTranslation();
  // The pass is an HttpOnly cookie set by this call: the dashboard then opens in this tab.
  const open = useMutation({
    mutationFn: async () => {
      await unwrap(api.POST('/api/v1/queue-board/session'));
      window.location.assign(BOARD);
    },
  });
  return (
    <Stack>
      <Title order={2}>{t('admin.queues.title')}</Title>
      <Paper withBorder p="md">
        <Stack gap="sm" align="start">
          <Text>{t('admin.queues.intro')}</Text>
          <List size="sm">
            <List.Item>{t('admin.queues.waiting')}</List.Item>
            <List.Item>{t('admin.queues.failed')}</List.Item>
            <List.Item>{t('admin.queues.pass')}</List.Item>
          </List>
          <Button onClick={() => open.mutate()} loading={open.isPending}>
            {t('admin.queues.open')}
          </Button>
          <MutationError error={open.error} />
        </Stack>
      </Paper>
    </Stack>
  );
}
