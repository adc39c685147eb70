import { Group, Select, SimpleGrid, Stack, Text, Title, UnstyledButton, Paper } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../app/QueryState';
import { useProgrammes } from '../../programmes/useProgrammes';
import { BAD, GOOD } from '../shared/colors';
import { FindingsTable } from './FindingsTable';
import { Check, useQualityCounts } from './useDataQuality';

/** "Missing information": how many records each check finds, and the records of the one chosen. */
export function DataQualityPage() {
  const { t } = useTranslation();
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const programmes = useProgrammes(0, 100);
  const counts = useQualityCounts(programmeId);

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t('admin.quality.title')}</Title>
        <Select
          label={t('admin.imports.programme')}
          placeholder={t('admin.quality.everyProgramme')}
          clearable
          clearButtonProps={{ 'aria-label': t('admin.clear') }}
          w={320}
          value={programmeId}
          onChange={setProgrammeId}
          data={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
      </Group>
      <QueryState query={counts}>
        {(checks) => (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {checks.map(({ check: name, count }) => (
              <UnstyledButton
                key={name}
                onClick={() => setCheck(name)}
                aria-pressed={check === name}
                data-testid={`check-${name}`}
              >
                <Paper withBorder p="md" h="100%" bg={check === name ? 'indigo.0' : undefined}>
                  <Text size="sm">{t(`admin.quality.checks.${name}`)}</Text>
                  <Text size="xl" fw={700} c={count > 0 ? BAD : GOOD}>
                    {count}
                  </Text>
                </Paper>
              </UnstyledButton>
            ))}
          </SimpleGrid>
        )}
      </QueryState>
      {check && <FindingsTable key={`${check}-${programmeId}`} check={check} programmeId={programmeId} />}
    </Stack>
  );
}
