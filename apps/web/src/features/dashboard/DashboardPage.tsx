import { Badge, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { useSearchParams } from 'react-router';
import { QueryState } from '../../app/QueryState';
import { useProgrammes } from '../programmes/useProgrammes';
import { BreakdownPanel } from './BreakdownPanel';
import { FigureCards } from './FigureCards';
import { Funnel } from './Funnel';
import { GenerationFunnel } from './GenerationFunnel';
import { HistoryChart } from './HistoryChart';
import { RoundProgress } from './RoundProgress';
import { ScopePicker } from './ScopePicker';
import { TrainersTable } from './TrainersTable';
import { ScopeKind, useFigures } from './useStats';

/** The programme's figures for coordinators and viewers; the address keeps the programme and scope. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const programmes = useProgrammes(0, 100);
  const programmeId = params.get('programme') ?? programmes.data?.items[0]?.id;
  const scope = (params.get('scope') as ScopeKind | null) ?? undefined;
  const scopeId = params.get('scopeId') ?? undefined;
  const figures = useFigures(programmeId, scopeId ? scope : undefined, scopeId);
  const choose = (next: Record<string, string | undefined>) =>
    setParams(
      Object.fromEntries(Object.entries({ programme: programmeId, ...next }).filter(([, v]) => v)) as Record<
        string,
        string
      >,
    );

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t('dashboard.title')}</Title>
        <Group align="end">
          {programmeId && (
            <ScopePicker
              programmeId={programmeId}
              scope={scope}
              scopeId={scopeId}
              onChange={(s, id) => choose({ scope: s, scopeId: id })}
            />
          )}
          <Select
            label={t('dashboard.programme')}
            w={300}
            value={programmeId ?? null}
            data={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            onChange={(value) => value && setParams({ programme: value })}
            allowDeselect={false}
          />
        </Group>
      </Group>
      {programmes.data?.items.length === 0 && <Text c="dimmed">{t('programmes.none')}</Text>}
      {programmeId && (
        // Each panel asks for its own data and shows it when it arrives: none waits for another.
        <>
          <QueryState query={figures}>
            {(data) => (
              <>
                <Group gap="sm">
                  <Text size="sm" c="dimmed" data-testid="figures-as-of">
                    {t('dashboard.asOf', {
                      time: formatDateTime(data.computedAt, i18n.language, { seconds: true }),
                    })}
                  </Text>
                  {data.stale && (
                    <Badge color="gray.7" variant="filled" role="status">
                      {t('dashboard.updating')}
                    </Badge>
                  )}
                </Group>
                <FigureCards figures={data} />
              </>
            )}
          </QueryState>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {figures.data ? <Funnel figures={figures.data} /> : <div />}
            <GenerationFunnel
              programmeId={programmeId}
              scope={scopeId ? scope : undefined}
              scopeId={scopeId}
            />
          </SimpleGrid>
          {!scopeId && (
            <>
              <BreakdownPanel programmeId={programmeId} scope="region" />
              <SimpleGrid cols={{ base: 1, lg: 2 }}>
                <RoundProgress programmeId={programmeId} />
                <HistoryChart programmeId={programmeId} />
              </SimpleGrid>
              <BreakdownPanel programmeId={programmeId} scope="round" />
              <TrainersTable programmeId={programmeId} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
