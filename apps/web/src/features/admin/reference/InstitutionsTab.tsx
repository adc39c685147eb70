import { Button, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../reports/useReports';
import { EditableList } from './EditableList';
import { InstitutionForm } from './InstitutionForm';
import { useInstitutions } from './useReference';

export function InstitutionsTab() {
  const { t, i18n } = useTranslation();
  const regions = useRegions();
  const regionName = (id: string) => {
    const region = regions.data?.items.find((r) => r.id === id);
    return region ? (i18n.language === 'en' ? region.name : region.nameMn) : '…';
  };

  return (
    <EditableList
      newLabel={t('admin.reference.newInstitution')}
      useItems={useInstitutions}
      form={(institution, done) => <InstitutionForm institution={institution} onDone={done} />}
      table={(institutions, edit) => (
        <Table striped data-testid="institutions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.reference.nameMn')}</Table.Th>
              <Table.Th>{t('admin.reference.name')}</Table.Th>
              <Table.Th>{t('admin.reference.region')}</Table.Th>
              <Table.Th>{t('admin.reference.kind')}</Table.Th>
              <Table.Th>{t('admin.users.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {institutions.map((institution) => (
              <Table.Tr key={institution.id}>
                <Table.Td>{institution.nameMn}</Table.Td>
                <Table.Td>{institution.name}</Table.Td>
                <Table.Td>{regionName(institution.regionId)}</Table.Td>
                <Table.Td>{t(`admin.reference.kinds.${institution.kind}`)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => edit(institution)}
                    aria-label={t('admin.reference.editNamed', { name: institution.name })}
                  >
                    {t('admin.reference.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    />
  );
}
