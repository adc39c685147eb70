import { Anchor, Badge, Button, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../app/QueryState';
import { useProgrammes } from './useProgrammes';

const PAGE = 20;

export function ProgrammesPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const programmes = useProgrammes((page - 1) * PAGE, PAGE);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('programmes.title')}</Title>
        <Button component={Link} to="/programmes/new">
          {t('programmes.new')}
        </Button>
      </Group>
      <QueryState query={programmes}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('programmes.none')}</Text>
          ) : (
            <>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('programmes.name')}</Table.Th>
                    <Table.Th>{t('programmes.dates')}</Table.Th>
                    <Table.Th>{t('programmes.passMark')}</Table.Th>
                    <Table.Th>{t('programmes.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((programme) => (
                    <Table.Tr key={programme.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/programmes/${programme.id}`}>
                          {programme.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {programme.startsOn} – {programme.endsOn}
                      </Table.Td>
                      <Table.Td>{programme.passMark}</Table.Td>
                      <Table.Td>
                        <Badge variant="light">{t(`programmes.statuses.${programme.status}`)}</Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {data.total > PAGE && (
                <Pagination total={Math.ceil(data.total / PAGE)} value={page} onChange={setPage} />
              )}
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
