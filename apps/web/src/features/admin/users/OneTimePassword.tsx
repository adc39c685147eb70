import { Alert, Code, CopyButton, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A password shown this once: the API keeps only its hash. */
export function OneTimePassword({
  email,
  password,
  onDone,
}: {
  email: string;
  password: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color="indigo"
      title={t('admin.users.passwordFor', { email })}
      role="status"
      data-testid="one-time-password"
    >
      <Text size="sm" mb="xs">
        {t('admin.users.shownOnce')}
      </Text>
      <Group gap="sm">
        <Code fz="md" data-testid="password-value">
          {password}
        </Code>
        <CopyButton value={password}>
          {({ copied, copy }) => (
            <Button size="xs" onClick={copy}>
              {copied ? t('admin.copied') : t('admin.copy')}
            </Button>
          )}
        </CopyButton>
        <Button size="xs" variant="default" onClick={onDone}>
          {t('admin.users.handedOver')}
        </Button>
      </Group>
    </Alert>
  );
}
