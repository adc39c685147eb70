import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { MutationError } from './MutationError';

/**
 * A form's save and cancel buttons, and the API's refusal above them when it names none of the
 * form's fields (a refusal that names one is shown at that field).
 */
export function FormActions({
  saving,
  error,
  onCancel,
}: {
  saving: boolean;
  error: Error | null;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const atAField = error instanceof ApiError && Object.keys(error.fields).length > 0;
  return (
    <>
      <MutationError error={atAField ? null : error} />
      <Group mt="sm">
        <Button type="submit" loading={saving}>
          {t('common.save')}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Group>
    </>
  );
}
