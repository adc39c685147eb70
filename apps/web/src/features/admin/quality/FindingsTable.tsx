import { Table, Text, Title, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../app/QueryState';
import { MUTED } from '../shared/colors';
import { Pager } from '../shared/Pager';
import { Check, useQualityList } from './useDataQuality';

const PAGE = 20;

/** The records one check finds, oldest problem first. */
export function FindingsTable({ check, programmeId }: { check: Check; programmeId: string | null }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useQualityList(check, programmeId, (page - 1) * PAGE, PAGE);
  return (
    <Stack gap="xs" data-testid="findings">
      <Title order={3} size="h4">
        {t(`admin.quality.checks.${check}`)}
      </Title>
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c={MUTED}>{t('admin.quality.nothing')}</Text>
          ) : (
            <>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.quality.person')}</Table.Th>
                    <Table.Th>{t('admin.quality.cohort')}</Table.Th>
                    <Table.Th>{t(`admin.quality.detail.${check}`)}</Table.Th>
                    <Table.Th>{t(`admin.quality.since.${check}`)}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td>{item.fullName}</Table.Td>
                      <Table.Td>{item.cohortName ?? '—'}</Table.Td>
                      <Table.Td>{item.detail ?? '—'}</Table.Td>
                      <Table.Td>{item.since}</Table.Td>
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
