import { Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../api/session';
import { BAD, GOOD, MUTED } from '../shared/colors';
import { ROLES } from './CreateUserForm';
import { User, usePerson, useResetPassword, useUpdateUser } from './useUsers';

function PersonName({ id }: { id: string | null }) {
  const person = usePerson(id);
  if (!id) return <Text c={MUTED}>—</Text>;
  return <Text size="sm">{person.data?.fullName ?? '…'}</Text>;
}

export function UsersTable({
  users,
  onPassword,
  update,
}: {
  users: User[];
  onPassword: (email: string, password: string) => void;
  update: ReturnType<typeof useUpdateUser>;
}) {
  const { t } = useTranslation();
  const reset = useResetPassword();

  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('admin.users.email')}</Table.Th>
          <Table.Th>{t('admin.users.person')}</Table.Th>
          <Table.Th>{t('admin.users.role')}</Table.Th>
          <Table.Th>{t('admin.users.status')}</Table.Th>
          <Table.Th>{t('admin.users.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((user) => (
          <Table.Tr key={user.id} data-testid={`user-${user.email}`}>
            <Table.Td>{user.email}</Table.Td>
            <Table.Td>
              <PersonName id={user.personId} />
            </Table.Td>
            <Table.Td>
              <Select
                size="xs"
                w={170}
                aria-label={t('admin.users.roleOf', { email: user.email })}
                value={user.role}
                allowDeselect={false}
                onChange={(role) => role && update.mutate({ id: user.id, role: role as Role })}
                data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              />
            </Table.Td>
            <Table.Td>
              <Badge color={user.active ? GOOD : 'gray.7'} style={{ minWidth: 'max-content' }}>
                {user.active ? t('admin.users.active') : t('admin.users.inactive')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  color={user.active ? BAD : GOOD}
                  onClick={() => update.mutate({ id: user.id, active: !user.active })}
                >
                  {user.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  loading={reset.isPending && reset.variables === user.id}
                  onClick={() =>
                    reset.mutate(user.id, {
                      onSuccess: (answer) => onPassword(user.email, answer.temporaryPassword),
                    })
                  }
                >
                  {t('admin.users.resetPassword')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
