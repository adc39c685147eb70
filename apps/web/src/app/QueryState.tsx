import { Alert } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from './Loading';

/** Shows a query's loading and error states, and its data once there. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.isError)
    return (
      <Alert color="red" role="alert" title={t('common.loadFailed')}>
        {query.error.message}
      </Alert>
    );
  return <>{children(query.data)}</>;
}
