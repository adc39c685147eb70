import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../offline/db';
import { formatDateTime, formatDay } from '../../../i18n/format';

type Row = [field: string, mine: string, theirs: string];

/** The phone's copy beside the server's, differing fields marked, for the user to choose. */
export function ConflictView({ item }: { item: OutboxItem }) {
  const { t, i18n } = useTranslation();
  const rows = comparison(item, t, i18n.language);
  return (
    // Fixed columns that wrap their words: the three fit a 360 px screen.
    <Table
      withTableBorder
      withColumnBorders
      data-testid="conflict"
      fz="xs"
      layout="fixed"
      horizontalSpacing={6}
      style={{ overflowWrap: 'break-word', hyphens: 'auto' }}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('field.conflict.field')}</Table.Th>
          <Table.Th scope="col">{t('field.conflict.mine')}</Table.Th>
          <Table.Th scope="col">{t('field.conflict.theirs')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([field, mine, theirs]) => (
          <Table.Tr key={field} fw={mine === theirs ? undefined : 700}>
            <Table.Th scope="row">{field}</Table.Th>
            <Table.Td>{mine}</Table.Td>
            <Table.Td>{theirs}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function comparison(item: OutboxItem, t: (key: string) => string, language: string): Row[] {
  if (item.kind === 'session') {
    const mine = item.payload;
    const theirs = item.server;
    return [
      [
        t('field.log.occurredAt'),
        formatDateTime(mine.occurredAt, language),
        theirs ? formatDateTime(String(theirs.occurredAt), language) : '',
      ],
      [t('field.log.duration'), String(mine.durationMinutes), String(theirs?.durationMinutes ?? '')],
      [t('field.log.mode'), t(`field.modes.${mine.mode}`), theirs ? t(`field.modes.${theirs.mode}`) : ''],
      [t('field.log.topics'), (mine.topics ?? []).join(', '), (theirs?.topics ?? []).join(', ')],
      [t('field.log.notes'), mine.notes ?? '', String(theirs?.notes ?? '')],
    ];
  }
  const theirs = item.server;
  return [
    [
      t('field.completions.completedOn'),
      formatDay(item.payload.completedOn, language),
      theirs?.completedOn ? formatDay(theirs.completedOn, language) : '',
    ],
    [t('field.completions.score'), String(item.payload.score ?? ''), String(theirs?.score ?? '')],
  ];
}
