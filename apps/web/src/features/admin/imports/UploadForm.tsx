import { Button, FileInput, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProgrammes } from '../../programmes/useProgrammes';
import { MUTED } from '../shared/colors';
import { MutationError } from '../shared/MutationError';
import { ImportKind, useCohortChoices, useDownload, useUpload } from './useImports';

/** Choose the kind and the cohort, fetch the template, send the file: the import is then followed below. */
export function UploadForm({ onQueued }: { onQueued: (id: string) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('roster');
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [cohortId, setCohortId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const programmes = useProgrammes(0, 100);
  const cohorts = useCohortChoices(programmeId);
  const upload = useUpload();
  const download = useDownload();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate({ kind, file, cohortId }, { onSuccess: ({ id }) => onQueued(id) });
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="upload-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id="upload-title">
            {t('admin.imports.upload')}
          </Title>
          <Button variant="default" size="xs" onClick={() => download.mutate({ template: kind })}>
            {t(`admin.imports.template.${kind}`)}
          </Button>
        </Group>
        <SegmentedControl
          aria-label={t('admin.imports.kind')}
          value={kind}
          onChange={(value) => setKind(value as ImportKind)}
          data={[
            { value: 'roster', label: t('admin.imports.kinds.roster') },
            { value: 'completions', label: t('admin.imports.kinds.completions') },
          ]}
        />
        <Text size="sm" c={MUTED}>
          {t(`admin.imports.hint.${kind}`)}
        </Text>
        <Group grow align="start">
          <Select
            label={t('admin.imports.programme')}
            value={programmeId}
            onChange={(value) => {
              setProgrammeId(value);
              setCohortId(null);
            }}
            data={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
          <Select
            label={kind === 'roster' ? t('admin.imports.enrolIn') : t('admin.imports.cohort')}
            required={kind === 'completions'}
            clearable
            clearButtonProps={{ 'aria-label': t('admin.clear') }}
            searchable
            disabled={!programmeId}
            value={cohortId}
            onChange={setCohortId}
            data={(cohorts.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
          <FileInput
            label={t('admin.imports.file')}
            accept=".csv,text/csv"
            required
            clearable
            clearButtonProps={{ 'aria-label': t('admin.clear') }}
            value={file}
            onChange={setFile}
          />
        </Group>
        <MutationError error={upload.error ?? download.error} />
        <Group>
          <Button
            type="submit"
            loading={upload.isPending}
            disabled={!file || (kind === 'completions' && !cohortId)}
          >
            {t('admin.imports.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
