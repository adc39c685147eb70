import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MUTED } from './colors';

/** Pages of a server-paginated list, with how many there are in all. */
export function Pager({
  total,
  pageSize,
  page,
  onChange,
}: {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <Text size="sm" c={MUTED} data-testid="total">
        {t('admin.total', { count: total })}
      </Text>
      {total > pageSize && (
        <Pagination
          total={Math.ceil(total / pageSize)}
          value={page}
          onChange={onChange}
          getControlProps={(control) => ({ 'aria-label': t(`admin.page.${control}`) })}
          getItemProps={(n) => ({ 'aria-label': t('admin.page.number', { n }) })}
        />
      )}
    </Group>
  );
}
