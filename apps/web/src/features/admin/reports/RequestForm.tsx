import { Button, Group, Paper, SegmentedControl, Select, Stack, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useProgrammes } from '../../programmes/useProgrammes';
import { useRounds } from '../../rounds/useRounds';
import { useCohortChoices } from '../imports/useImports';
import { MutationError } from '../shared/MutationError';
import {
  NewReport,
  REPORT_FORMATS,
  REPORT_KINDS,
  ReportKind,
  useRegions,
  useRequestReport,
} from './useReports';

type Scope = 'programme' | 'round' | 'cohort' | 'region';

/** Kind, scope, format and language; answers the new request's id to follow it. */
export function RequestForm({ onQueued }: { onQueued: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [kind, setKind] = useState<ReportKind>('programme-summary');
  const [scope, setScope] = useState<Scope>('programme');
  const [scopeId, setScopeId] = useState<string | null>(null);
  const [format, setFormat] = useState<NewReport['format']>('xlsx');
  const [language, setLanguage] = useState<NewReport['language']>(i18n.language === 'en' ? 'en' : 'mn');
  const programmes = useProgrammes(0, 100);
  const regions = useRegions();
  const request = useRequestReport();
  const fields = request.error instanceof ApiError ? request.error.fields : {};
  const scoped = kind === 'cohort-roster';
  const chosen = programmeId ?? programmes.data?.items[0]?.id ?? null;
  const cohorts = useCohortChoices(chosen);
  const rounds = useRounds(chosen ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const narrowed = scoped && scope !== 'programme' && scopeId ? { [`${scope}Id`]: scopeId } : {};
    request.mutate(
      { programmeId: chosen, kind, format, language, ...narrowed },
      { onSuccess: ({ id }) => onQueued(id) },
    );
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="request-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="request-title">
          {t('admin.reports.request')}
        </Title>
        <Group grow align="start">
          <Select
            label={t('admin.imports.programme')}
            value={chosen}
            allowDeselect={false}
            onChange={(value) => {
              setProgrammeId(value);
              setScopeId(null);
            }}
            data={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            error={fields.programmeId}
          />
          <Select
            label={t('admin.reports.kind')}
            value={kind}
            allowDeselect={false}
            onChange={(value) => value && setKind(value as ReportKind)}
            data={REPORT_KINDS.map((k) => ({ value: k, label: t(`admin.reports.kinds.${k}`) }))}
            error={fields.kind}
          />
        </Group>
        {scoped && (
          <Group grow align="end">
            <SegmentedControl
              aria-label={t('admin.reports.scope')}
              value={scope}
              onChange={(value) => {
                setScope(value as Scope);
                setScopeId(null);
              }}
              data={(['programme', 'round', 'cohort', 'region'] as const).map((s) => ({
                value: s,
                label: t(`admin.reports.scopes.${s}`),
              }))}
            />
            {scope !== 'programme' && (
              <Select
                label={t(`admin.reports.scopes.${scope}`)}
                searchable
                value={scopeId}
                onChange={setScopeId}
                data={
                  scope === 'round'
                    ? (rounds.data ?? []).map((r) => ({ value: r.id, label: r.name }))
                    : scope === 'cohort'
                      ? (cohorts.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))
                      : (regions.data?.items ?? []).map((r) => ({
                          value: r.id,
                          label: i18n.language === 'en' ? r.name : r.nameMn,
                        }))
                }
                error={fields[`${scope}Id`]}
              />
            )}
          </Group>
        )}
        <Group>
          <SegmentedControl
            aria-label={t('admin.reports.format')}
            value={format}
            onChange={(value) => setFormat(value as NewReport['format'])}
            data={REPORT_FORMATS.map((f) => ({ value: f, label: f.toUpperCase() }))}
          />
          <SegmentedControl
            aria-label={t('admin.reports.language')}
            value={language}
            onChange={(value) => setLanguage(value as NewReport['language'])}
            data={[
              { value: 'mn', label: t('admin.reports.languages.mn') },
              { value: 'en', label: t('admin.reports.languages.en') },
            ]}
          />
        </Group>
        <MutationError error={Object.keys(fields).length ? null : request.error} />
        <Group>
          <Button type="submit" loading={request.isPending} disabled={!chosen}>
            {t('admin.reports.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
