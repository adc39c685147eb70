import { Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { UseQueryResult } from '@tanstack/react-query';
import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../api/client';
import { QueryState } from '../../../app/QueryState';
import { Pager } from '../shared/Pager';

const PAGE = 20;

/** A searchable, paged list of records with a form above it to add one or change the one chosen. */
export function EditableList<T extends { id: string }>({
  newLabel,
  useItems,
  form,
  table,
}: {
  newLabel: string;
  useItems: (q: string, offset: number, limit: number) => UseQueryResult<Page<T>>;
  form: (item: T | null, done: () => void) => ReactNode;
  table: (items: T[], edit: (item: T) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const items = useItems(debounced, (page - 1) * PAGE, PAGE);
  const done = () => setEditing(null);

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <TextInput
          label={t('admin.reference.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
        />
        <Button onClick={() => setEditing('new')}>{newLabel}</Button>
      </Group>
      {editing && (
        <Paper withBorder p="md" key={editing === 'new' ? 'new' : editing.id}>
          {form(editing === 'new' ? null : editing, done)}
        </Paper>
      )}
      <QueryState query={items}>
        {(data) => (
          <>
            {table(data.items, setEditing)}
            <Pager total={data.total} pageSize={PAGE} page={page} onChange={setPage} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
