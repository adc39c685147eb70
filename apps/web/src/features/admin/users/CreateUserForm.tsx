import {
  Button,
  Checkbox,
  Group,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { Role } from '../../../api/session';
import { MUTED } from '../shared/colors';
import { MutationError } from '../shared/MutationError';
import { generatePassword } from './generatePassword';
import { useCreateUser, usePeopleSearch } from './useUsers';

export const ROLES: Role[] = ['admin', 'coordinator', 'master_teacher', 'viewer'];

/** A new login; a master teacher's is linked to their person. Answers the password to show once. */
export function CreateUserForm({ onCreated }: { onCreated: (email: string, password: string) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('master_teacher');
  const [personId, setPersonId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [generate, setGenerate] = useState(true);
  const [password, setPassword] = useState('');
  const people = usePeopleSearch(debounced);
  const create = useCreateUser();
  const fields = create.error instanceof ApiError ? create.error.fields : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = generate ? generatePassword() : password;
    create.mutate(
      { email, role, password: chosen, ...(personId ? { personId } : {}) },
      {
        onSuccess: (user) => {
          onCreated(user.email, chosen);
          setEmail('');
          setPersonId(null);
          setSearch('');
          setPassword('');
        },
      },
    );
  };
  const choosePerson = (id: string | null) => {
    setPersonId(id);
    const person = people.data?.items.find((p) => p.id === id);
    if (person && !email) setEmail(person.email);
  };

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="create-user-title"
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id="create-user-title">
          {t('admin.users.create')}
        </Title>
        <Text size="sm" c={MUTED}>
          {t('admin.users.personHint')}
        </Text>
        <Group grow align="start">
          <Select
            label={t('admin.users.person')}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('admin.clear') }}
            searchValue={search}
            onSearchChange={setSearch}
            value={personId}
            onChange={choosePerson}
            nothingFoundMessage={debounced.length >= 2 ? t('admin.users.noPerson') : t('admin.users.typeTwo')}
            data={(people.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.fullName} · ${p.email}`,
            }))}
            filter={({ options }) => options}
            error={fields.personId}
          />
          <TextInput
            label={t('admin.users.email')}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fields.email}
          />
          <Select
            label={t('admin.users.role')}
            value={role}
            onChange={(value) => value && setRole(value as Role)}
            allowDeselect={false}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            error={fields.role}
          />
        </Group>
        <Group align="end">
          <Checkbox
            label={t('admin.users.generate')}
            checked={generate}
            onChange={(e) => setGenerate(e.currentTarget.checked)}
          />
          {!generate && (
            <PasswordInput
              label={t('admin.users.password')}
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fields.password}
              w={280}
            />
          )}
        </Group>
        <MutationError error={Object.keys(fields).length ? null : create.error} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('admin.users.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
