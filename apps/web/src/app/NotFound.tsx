import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" title={t('errors.notFoundTitle')}>
      {t('errors.notFound')}
    </Alert>
  );
}
