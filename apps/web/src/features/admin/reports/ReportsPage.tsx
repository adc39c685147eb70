import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../app/QueryState';
import { MUTED } from '../shared/colors';
import { Pager } from '../shared/Pager';
import { ReportProgress } from './ReportProgress';
import { ReportsTable } from './ReportsTable';
import { RequestForm } from './RequestForm';
import { useReports } from './useReports';

const PAGE = 10;

export function ReportsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [current, setCurrent] = useState<string | null>(null);
  const reports = useReports((page - 1) * PAGE, PAGE);

  return (
    <Stack>
      <Title order={2}>{t('admin.reports.title')}</Title>
      <RequestForm onQueued={setCurrent} />
      {current && <ReportProgress id={current} />}
      <Title order={3} size="h4">
        {t('admin.reports.recent')}
      </Title>
      <QueryState query={reports}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c={MUTED}>{t('admin.reports.none')}</Text>
          ) : (
            <>
              <ReportsTable reports={data.items} />
              <Pager total={data.total} pageSize={PAGE} page={page} onChange={setPage} />
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
