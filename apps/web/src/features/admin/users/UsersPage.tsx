import { Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../api/session';
import { QueryState } from '../../../app/QueryState';
import { MUTED } from '../shared/colors';
import { MutationError } from '../shared/MutationError';
import { Pager } from '../shared/Pager';
import { CreateUserForm, ROLES } from './CreateUserForm';
import { OneTimePassword } from './OneTimePassword';
import { UsersTable } from './UsersTable';
import { useUpdateUser, useUsers } from './useUsers';

const PAGE = 20;

export function UsersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [role, setRole] = useState<Role | null>(null);
  const [active, setActive] = useState('all');
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState<{ email: string; password: string } | null>(null);
  const filters = { q: debounced, role, active: active === 'all' ? null : active === 'active' };
  const users = useUsers(filters, (page - 1) * PAGE, PAGE);
  const update = useUpdateUser();
  const show = (email: string, password: string) => setShown({ email, password });

  return (
    <Stack>
      <Title order={2}>{t('admin.users.title')}</Title>
      {shown && <OneTimePassword {...shown} onDone={() => setShown(null)} />}
      <CreateUserForm onCreated={show} />
      <Group align="end">
        <TextInput
          label={t('admin.users.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
        />
        <Select
          label={t('admin.users.role')}
          clearable
          clearButtonProps={{ 'aria-label': t('admin.clear') }}
          placeholder={t('admin.all')}
          value={role}
          onChange={(value) => {
            setRole(value as Role | null);
            setPage(1);
          }}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <SegmentedControl
          aria-label={t('admin.users.status')}
          value={active}
          onChange={(value) => {
            setActive(value);
            setPage(1);
          }}
          data={[
            { value: 'all', label: t('admin.all') },
            { value: 'active', label: t('admin.users.active') },
            { value: 'inactive', label: t('admin.users.inactive') },
          ]}
        />
      </Group>
      <MutationError error={update.error} />
      <QueryState query={users}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c={MUTED}>{t('admin.users.none')}</Text>
          ) : (
            <>
              <UsersTable users={data.items} onPassword={show} update={update} />
              <Pager total={data.total} pageSize={PAGE} page={page} onChange={setPage} />
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
