import { Loader, type LoaderProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner a screen reader announces: a span needs a role for its label to be allowed (axe). */
export function Loading(props: LoaderProps) {
  const { t } = useTranslation();
  return <Loader role="status" aria-label={t('common.loading')} {...props} />;
}
