import { Button, Group, Paper, Stack, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { UseQueryResult } from '@tanstack/react-query';
import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../api/client';
import { QueryState } from '../../../app/QueryState';
import { Pager } from '../shared/Pager';

const PAGE = 20;

export interface ListColumn<T> {
  label: string;
  cell: (item: T) => ReactNode;
}

/**
 * A searchable, paged table of records, each with an edit button, and a form above it to add one
 * or change the one chosen.
 */
export function EditableList<T extends { id: string }>({
  newLabel,
  useItems,
  form,
  columns,
  nameOf,
  testId,
}: {
  newLabel: string;
  useItems: (q: string, offset: number, limit: number) => UseQueryResult<Page<T>>;
  form: (item: T | null, done: () => void) => ReactNode;
  columns: ListColumn<T>[];
  /** How the edit button names its record to a screen reader. */
  nameOf: (item: T) => string;
  testId: string;
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
            <Table striped data-testid={testId}>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((column) => (
                    <Table.Th key={column.label}>{column.label}</Table.Th>
                  ))}
                  <Table.Th>{t('admin.users.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    {columns.map((column) => (
                      <Table.Td key={column.label}>{column.cell(item)}</Table.Td>
                    ))}
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setEditing(item)}
                        aria-label={t('admin.reference.editNamed', { name: nameOf(item) })}
                      >
                        {t('admin.reference.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Pager total={data.total} pageSize={PAGE} page={page} onChange={setPage} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
