import { Badge, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '../../app/QueryState';
import { useProgrammes } from '../programmes/useProgrammes';
import { FigureCards } from './FigureCards';
import { Funnel } from './Funnel';
import { useFigures } from './useStats';

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const programmes = useProgrammes(0, 100);
  const programmeId = params.get('programme') ?? programmes.data?.items[0]?.id;
  const figures = useFigures(programmeId);

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t('dashboard.title')}</Title>
        <Select
          label={t('dashboard.programme')}
          w={320}
          value={programmeId ?? null}
          data={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          onChange={(value) => value && setParams({ programme: value })}
          allowDeselect={false}
        />
      </Group>
      {programmes.data?.items.length === 0 && <Text c="dimmed">{t('programmes.none')}</Text>}
      {programmeId && (
        <QueryState query={figures}>
          {(data) => (
            <>
              <Group gap="sm">
                <Text size="sm" c="dimmed" data-testid="figures-as-of">
                  {t('dashboard.asOf', { time: new Date(data.computedAt).toLocaleString(i18n.language) })}
                </Text>
                {data.stale && (
                  <Badge color="orange" variant="light" role="status">
                    {t('dashboard.updating')}
                  </Badge>
                )}
              </Group>
              <FigureCards figures={data} />
              <Funnel figures={data} />
            </>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
