import { Stack, Table, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../app/QueryState';
import { useRegions } from '../reports/useReports';
import { CoursesTab } from './CoursesTab';
import { InstitutionsTab } from './InstitutionsTab';

/** Regions are fixed (ISO 3166-2:MN): read here, changed only through the API. */
function RegionsTab() {
  const { t } = useTranslation();
  const regions = useRegions();
  return (
    <QueryState query={regions}>
      {(data) => (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.reference.code')}</Table.Th>
              <Table.Th>{t('admin.reference.nameMn')}</Table.Th>
              <Table.Th>{t('admin.reference.name')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((region) => (
              <Table.Tr key={region.id}>
                <Table.Td>{region.code}</Table.Td>
                <Table.Td>{region.nameMn}</Table.Td>
                <Table.Td>{region.name}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryState>
  );
}

export function ReferencePage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('admin.reference.title')}</Title>
      <Tabs defaultValue="institutions" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="institutions">{t('admin.reference.institutions')}</Tabs.Tab>
          <Tabs.Tab value="courses">{t('admin.reference.courses')}</Tabs.Tab>
          <Tabs.Tab value="regions">{t('admin.reference.regions')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="institutions" pt="md">
          <InstitutionsTab />
        </Tabs.Panel>
        <Tabs.Panel value="courses" pt="md">
          <CoursesTab />
        </Tabs.Panel>
        <Tabs.Panel value="regions" pt="md">
          <RegionsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
