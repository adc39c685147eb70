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
      testId="institutions"
      nameOf={(institution) => institution.name}
      columns={[
        { label: t('admin.reference.nameMn'), cell: (institution) => institution.nameMn },
        { label: t('admin.reference.name'), cell: (institution) => institution.name },
        { label: t('admin.reference.region'), cell: (institution) => regionName(institution.regionId) },
        {
          label: t('admin.reference.kind'),
          cell: (institution) => t(`admin.reference.kinds.${institution.kind}`),
        },
      ]}
    />
  );
}
