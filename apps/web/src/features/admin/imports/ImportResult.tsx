import { Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../app/QueryState';
import { BAD, GOOD, MUTED } from '../shared/colors';
import { MutationError } from '../shared/MutationError';
import { Import, useDownload, useImport, useImportErrors } from './useImports';

const COUNTS = [
  'totalRows',
  'createdRows',
  'updatedRows',
  'unchangedRows',
  'enrolledRows',
  'errorRows',
] as const;

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = status === 'done' ? GOOD : status === 'failed' ? BAD : 'indigo';
  return (
    <Badge color={color} style={{ minWidth: 'max-content' }}>
      {t(`admin.status.${status}`)}
    </Badge>
  );
}

function RejectedRows({ item }: { item: Import }) {
  const { t } = useTranslation();
  const errors = useImportErrors(item);
  const download = useDownload();
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>{t('admin.imports.rejected', { count: item.errorRows })}</Title>
        <Button size="xs" variant="default" onClick={() => download.mutate({ errorsOf: item.id })}>
          {t('admin.imports.downloadRejected')}
        </Button>
      </Group>
      <MutationError error={download.error} />
      <QueryState query={errors}>
        {(rows) => (
          <Table striped data-testid="rejected-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.imports.line')}</Table.Th>
                <Table.Th>{t('admin.imports.field')}</Table.Th>
                <Table.Th>{t('admin.imports.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => (
                <Table.Tr key={`${row.row}-${row.field}-${i}`}>
                  <Table.Td>{row.row}</Table.Td>
                  <Table.Td>{row.field}</Table.Td>
                  <Table.Td>{row.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}

/** Progress while the worker reads the file, then what was accepted and every rejected row. */
export function ImportResult({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useImport(id);
  return (
    <Paper withBorder p="md" data-testid="import-result">
      <QueryState query={query}>
        {(item) => (
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={3} size="h4">
                {item.fileName}
              </Title>
              <StatusBadge status={item.status} />
            </Group>
            <Progress.Root size="lg">
              <Progress.Section value={item.progress} aria-label={t('admin.imports.progress')} />
            </Progress.Root>
            {item.error && <Text c={BAD}>{item.error}</Text>}
            <SimpleGrid cols={{ base: 2, sm: 6 }}>
              {COUNTS.map((key) => (
                <div key={key} data-testid={`count-${key}`}>
                  <Text size="xs" c={MUTED}>
                    {t(`admin.imports.counts.${key}`)}
                  </Text>
                  <Text fw={700} size="lg">
                    {item[key]}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
            {item.status === 'done' && item.errorRows > 0 && <RejectedRows item={item} />}
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
