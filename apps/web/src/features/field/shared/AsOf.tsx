import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Cached } from '../../../offline/cachedQuery';
import { formatDateTime } from '../../../i18n/format';
import { ATTENTION, SECONDARY_TEXT } from './colors';

/** When the data on screen came from the server, and whether it is the copy kept on the phone. */
export function AsOf({ cached }: { cached: Pick<Cached<unknown>, 'asOf' | 'offline'> }) {
  const { t, i18n } = useTranslation();
  return (
    <Text size="sm" c={cached.offline ? ATTENTION : SECONDARY_TEXT} data-testid="as-of">
      {t(cached.offline ? 'field.asOfOffline' : 'field.asOf', {
        time: formatDateTime(cached.asOf, i18n.language),
      })}
    </Text>
  );
}
