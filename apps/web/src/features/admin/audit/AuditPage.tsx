import { Code, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import { QueryState } from '../../../app/QueryState';
import { useUsers } from '../users/useUsers';
import { MUTED } from '../shared/colors';
import { Pager } from '../shared/Pager';
import { AuditFilters, useAuditEvents } from './useAudit';

const PAGE = 25;

/** Who changed what and when: filters by user, entity and dates, pages read from the server. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>({ actorUserId: null, entity: '', from: '', to: '' });
  const [userSearch, setUserSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(userSearch, 250);
  const [debounced] = useDebouncedValue(filters, 300);
  const [page, setPage] = useState(1);
  const users = useUsers({ q: debouncedSearch, role: null, active: null }, 0, 20);
  const events = useAuditEvents(debounced, (page - 1) * PAGE, PAGE);
  const set = (change: Partial<AuditFilters>) => {
    setFilters((current) => ({ ...current, ...change }));
    setPage(1);
  };

  return (
    <Stack>
      <Title order={2}>{t('admin.audit.title')}</Title>
      <Group align="end">
        <Select
          label={t('admin.audit.user')}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('admin.clear') }}
          searchValue={userSearch}
          onSearchChange={setUserSearch}
          filter={({ options }) => options}
          value={filters.actorUserId}
          onChange={(actorUserId) => set({ actorUserId })}
          data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.email }))}
          w={280}
        />
        <TextInput
          label={t('admin.audit.entity')}
          placeholder="cohorts"
          value={filters.entity}
          onChange={(e) => set({ entity: e.currentTarget.value.trim() })}
        />
        <TextInput
          label={t('admin.audit.from')}
          type="date"
          value={filters.from}
          onChange={(e) => set({ from: e.currentTarget.value })}
        />
        <TextInput
          label={t('admin.audit.to')}
          type="date"
          value={filters.to}
          onChange={(e) => set({ to: e.currentTarget.value })}
        />
      </Group>
      <QueryState query={events}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c={MUTED}>{t('admin.audit.none')}</Text>
          ) : (
            <>
              <Table striped data-testid="audit-events">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.audit.when')}</Table.Th>
                    <Table.Th>{t('admin.audit.user')}</Table.Th>
                    <Table.Th>{t('admin.audit.action')}</Table.Th>
                    <Table.Th>{t('admin.audit.entity')}</Table.Th>
                    <Table.Th>{t('admin.audit.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((event) => (
                    <Table.Tr key={event.id}>
                      <Table.Td>{formatDateTime(event.occurredAt, i18n.language)}</Table.Td>
                      <Table.Td>{event.actorEmail}</Table.Td>
                      <Table.Td>
                        <Code>{event.action}</Code>
                      </Table.Td>
                      <Table.Td>
                        {event.entity}
                        {event.entityId && (
                          <Text size="xs" c={MUTED}>
                            {event.entityId}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{event.statusCode ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Pager total={data.total} pageSize={PAGE} page={page} onChange={setPage} />
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
