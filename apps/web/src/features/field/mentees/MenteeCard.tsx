import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../i18n/format';
import type { Mentee } from './useMyMentees';
import { ATTENTION, SECONDARY_TEXT } from '../shared/colors';

/** One mentee: how their mentoring goes, and the way to log the next session. */
export function MenteeCard({ mentee, waiting }: { mentee: Mentee; waiting: number }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="md" data-testid={`mentee-${mentee.assignmentId}`} component="li">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h4">
            {mentee.fullName}
          </Title>
          {mentee.overdue && (
            <Badge color="red.9" variant="filled" style={{ flexShrink: 0 }}>
              {t('field.mentees.overdue')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c={SECONDARY_TEXT}>
          {mentee.institutionName}
        </Text>
        <Text size="sm">
          {t('field.mentees.figures', { sessions: mentee.sessions, hours: mentee.hours })}
        </Text>
        <Text size="sm">
          {mentee.lastSessionAt
            ? t('field.mentees.last', { date: formatDate(String(mentee.lastSessionAt), i18n.language) })
            : t('field.mentees.none')}
        </Text>
        {waiting > 0 && (
          <Text size="sm" c={ATTENTION} fw={600}>
            {t('field.mentees.waiting', { count: waiting })}
          </Text>
        )}
        <Button
          component={Link}
          to={`/field/log?assignment=${mentee.assignmentId}`}
          size="lg"
          fullWidth
          aria-label={t('field.mentees.logFor', { name: mentee.fullName })}
        >
          {t('field.mentees.log')}
        </Button>
      </Stack>
    </Card>
  );
}
