import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import { useSession } from '../../../app/useSession';
import { StatusBadge } from '../imports/ImportResult';
import { MUTED } from '../shared/colors';
import { Report, useDownloadReport, useRequester } from './useReports';

function Requester({ userId }: { userId: string }) {
  const current = useSession();
  const mine = current?.userId === userId;
  const user = useRequester(userId, current?.role === 'admin' && !mine);
  const { t } = useTranslation();
  if (mine) return <Text size="sm">{t('admin.reports.you')}</Text>;
  return (
    <Text size="sm">
      {user.data?.email ?? (
        <Text span c={MUTED}>
          —
        </Text>
      )}
    </Text>
  );
}

/** Recent requests: what, who asked and when, and the file while it is kept. */
export function ReportsTable({ reports }: { reports: Report[] }) {
  const { t, i18n } = useTranslation();
  const download = useDownloadReport();
  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('admin.reports.kind')}</Table.Th>
          <Table.Th>{t('admin.reports.format')}</Table.Th>
          <Table.Th>{t('admin.reports.requestedBy')}</Table.Th>
          <Table.Th>{t('admin.reports.requestedAt')}</Table.Th>
          <Table.Th>{t('admin.users.status')}</Table.Th>
          <Table.Th>{t('admin.reports.file')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reports.map((report) => (
          <Table.Tr key={report.id} data-testid={`report-${report.id}`}>
            <Table.Td>{t(`admin.reports.kinds.${report.kind}`)}</Table.Td>
            <Table.Td>
              <Badge color="gray.7" style={{ minWidth: 'max-content' }}>
                {report.format} · {report.language}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Requester userId={report.requestedBy} />
            </Table.Td>
            <Table.Td>{formatDateTime(report.createdAt, i18n.language)}</Table.Td>
            <Table.Td>
              <StatusBadge status={report.status} />
            </Table.Td>
            <Table.Td>
              {report.status === 'done' && (
                <Button size="xs" variant="default" onClick={() => download.mutate(report.id)}>
                  {t('admin.reports.download')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
