import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import { QueryState } from '../../../app/QueryState';
import { MUTED } from '../shared/colors';
import { Pager } from '../shared/Pager';
import { ImportResult, StatusBadge } from './ImportResult';
import { UploadForm } from './UploadForm';
import { useImports } from './useImports';

const PAGE = 10;

export function ImportsPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string | null>(null);
  const imports = useImports((page - 1) * PAGE, PAGE);

  return (
    <Stack>
      <Title order={2}>{t('admin.imports.title')}</Title>
      <UploadForm onQueued={setSelected} />
      {selected && <ImportResult id={selected} />}
      <Title order={3} size="h4">
        {t('admin.imports.recent')}
      </Title>
      <QueryState query={imports}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c={MUTED}>{t('admin.imports.none')}</Text>
          ) : (
            <>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.imports.file')}</Table.Th>
                    <Table.Th>{t('admin.imports.kind')}</Table.Th>
                    <Table.Th>{t('admin.imports.when')}</Table.Th>
                    <Table.Th>{t('admin.imports.counts.totalRows')}</Table.Th>
                    <Table.Th>{t('admin.imports.counts.errorRows')}</Table.Th>
                    <Table.Th>{t('admin.users.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td>
                        <Anchor component="button" type="button" onClick={() => setSelected(item.id)}>
                          {item.fileName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`admin.imports.kinds.${item.kind}`)}</Table.Td>
                      <Table.Td>{formatDateTime(item.createdAt, i18n.language)}</Table.Td>
                      <Table.Td>{item.totalRows}</Table.Td>
                      <Table.Td>{item.errorRows}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={item.status} />
                      </Table.Td>
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
