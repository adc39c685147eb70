import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScopeKind, useBreakdown } from './useStats';

const KINDS: ScopeKind[] = ['region', 'institution', 'round', 'cohort'];

interface Props {
  programmeId: string;
  scope: ScopeKind | undefined;
  scopeId: string | undefined;
  onChange: (scope: ScopeKind | undefined, scopeId: string | undefined) => void;
}

/** Narrows the figures to one region, institution, round or cohort (the ones the snapshot has). */
export function ScopePicker({ programmeId, scope, scopeId, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const options = useBreakdown(programmeId, scope ?? 'region');
  return (
    <Group align="end">
      <Select
        label={t('dashboard.scope')}
        w={180}
        allowDeselect={false}
        value={scope ?? 'programme'}
        data={[
          { value: 'programme', label: t('scopes.programme') },
          ...KINDS.map((k) => ({ value: k, label: t(`scopes.${k}`) })),
        ]}
        onChange={(value) => onChange(value === 'programme' ? undefined : (value as ScopeKind), undefined)}
      />
      {scope && (
        <Select
          label={t(`scopes.${scope}`)}
          w={260}
          searchable
          value={scopeId ?? null}
          data={(options.data?.items ?? []).map((i) => ({
            value: i.scopeId,
            label: (i18n.language === 'mn' && i.nameMn) || i.name,
          }))}
          onChange={(value) => onChange(scope, value ?? undefined)}
        />
      )}
    </Group>
  );
}
