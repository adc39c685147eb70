import { Alert, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../i18n/format';
import type { Verification } from './useVerification';

const GOOD: Record<string, string[]> = {
  signature: ['valid'],
  issuer: ['recognised'],
  status: ['active'],
  expiry: ['none', 'valid'],
};
// Dark enough for white text on them, and as text on white, to keep WCAG AA contrast.
const PASSED = '#1e6b30';
const FAILED = '#b02525';
const FACTS = ['number', 'title', 'holder', 'issuerName', 'validFrom', 'validUntil'] as const;

/** The verdict first, then each check and what the credential itself states — nothing more. */
export function VerificationCard({ result }: { result: Verification }) {
  const { t, i18n } = useTranslation();
  const facts = result.credential as unknown as Record<(typeof FACTS)[number], string | null>;
  return (
    <Paper withBorder p="lg" data-testid="verification">
      <Stack>
        <Alert
          variant="filled"
          color={result.verified ? PASSED : FAILED}
          title={result.verified ? t('verify.verified') : t('verify.notVerified')}
          role="status"
        >
          {result.verified ? t('verify.verifiedText') : t('verify.notVerifiedText')}
        </Alert>
        <Title order={2} size="h4">
          {t('verify.checks')}
        </Title>
        <Table>
          <Table.Tbody>
            {Object.entries(result.checks).map(([check, value]) => (
              <Table.Tr key={check}>
                <Table.Th scope="row" w={200}>
                  {t(`verify.check.${check}`)}
                </Table.Th>
                <Table.Td>
                  <Text
                    fw={700}
                    c={GOOD[check]?.includes(value) ? PASSED : FAILED}
                    data-testid={`check-${check}`}
                  >
                    {t(`verify.value.${value}`)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={2} size="h4">
          {t('verify.states')}
        </Title>
        <Table>
          <Table.Tbody>
            {FACTS.filter((key) => facts[key]).map((key) => (
              <Table.Tr key={key}>
                <Table.Th scope="row" w={200}>
                  {t(`verify.fact.${key}`)}
                </Table.Th>
                <Table.Td>
                  {key.startsWith('valid') ? formatDay(facts[key]!.slice(0, 10), i18n.language) : facts[key]}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {result.errors.length > 0 && (
          <List size="sm" c="dimmed">
            {result.errors.map((error) => (
              <List.Item key={error}>
                <Text size="sm">{error}</Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
