import { Group, Select, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { textFields } from '../../../app/forms';
import { useRegions } from '../reports/useReports';
import { FormActions } from '../shared/FormActions';
import { Institution, NewInstitution, useSaveInstitution } from './useReference';

const KINDS: NewInstitution['kind'][] = ['university', 'college', 'institute', 'other'];

/** A new institution, or the one given changed: both names, its region and kind. */
export function InstitutionForm({
  institution,
  onDone,
}: {
  institution: Institution | null;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<NewInstitution>({
    name: institution?.name ?? '',
    nameMn: institution?.nameMn ?? '',
    regionId: institution?.regionId ?? '',
    kind: institution?.kind ?? 'university',
  });
  const regions = useRegions();
  const save = useSaveInstitution();
  const fields = save.error instanceof ApiError ? save.error.fields : {};
  const text = textFields(form, setForm, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ id: institution?.id ?? null, body: form }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="start" grow>
        <TextInput label={t('admin.reference.nameMn')} required {...text('nameMn')} />
        <TextInput label={t('admin.reference.name')} required {...text('name')} />
        <Select
          label={t('admin.reference.region')}
          required
          searchable
          value={form.regionId || null}
          error={fields.regionId}
          onChange={(regionId) => setForm({ ...form, regionId: regionId ?? '' })}
          data={(regions.data?.items ?? []).map((r) => ({
            value: r.id,
            label: i18n.language === 'en' ? r.name : r.nameMn,
          }))}
        />
        <Select
          label={t('admin.reference.kind')}
          value={form.kind}
          allowDeselect={false}
          error={fields.kind}
          onChange={(kind) => kind && setForm({ ...form, kind: kind as NewInstitution['kind'] })}
          data={KINDS.map((k) => ({ value: k, label: t(`admin.reference.kinds.${k}`) }))}
        />
      </Group>
      <FormActions saving={save.isPending} error={save.error} onCancel={onDone} />
    </form>
  );
}
