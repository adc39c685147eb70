import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import { QueryState } from '../../../app/QueryState';
import { StatusBadge } from '../imports/ImportResult';
import { BAD, MUTED } from '../shared/colors';
import { MutationError } from '../shared/MutationError';
import { useDownloadReport, useReport } from './useReports';

/** The request just made: a progress bar while the worker builds it, then its download. */
export function ReportProgress({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const query = useReport(id);
  const download = useDownloadReport();
  return (
    <Paper withBorder p="md" data-testid="report-progress">
      <QueryState query={query}>
        {(report) => (
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={3} size="h4">
                {t(`admin.reports.kinds.${report.kind}`)} · {report.format.toUpperCase()}
              </Title>
              <StatusBadge status={report.status} />
            </Group>
            <Progress.Root size="lg">
              <Progress.Section value={report.progress} aria-label={t('admin.imports.progress')} />
            </Progress.Root>
            {report.error && <Text c={BAD}>{report.error}</Text>}
            {report.status === 'done' && (
              <Group>
                <Button onClick={() => download.mutate(report.id)} loading={download.isPending}>
                  {t('admin.reports.downloadFile', { name: report.fileName })}
                </Button>
                {report.expiresAt && (
                  <Text size="sm" c={MUTED}>
                    {t('admin.reports.keptUntil', {
                      time: formatDateTime(report.expiresAt, i18n.language),
                    })}
                  </Text>
                )}
              </Group>
            )}
            <MutationError error={download.error} />
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
