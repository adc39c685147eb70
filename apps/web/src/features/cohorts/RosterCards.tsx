import { Badge, Card, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Course } from '../reference/useReference';
import type { Draft } from './CompletionsGrid';
import { Enrolment } from './useCohort';

interface Props {
  courses: Course[];
  roster: Enrolment[];
  valueOf: (enrolmentId: string, courseId: string) => Draft;
  edit: (enrolmentId: string, courseId: string, patch: Partial<Draft>) => void;
  isDone: (enrolmentId: string, courseId: string) => boolean;
  rowErrors: Map<string, string[]>;
}

/**
 * The completions grid on a phone (360 px): a card per participant with a date and a score for
 * each course under their name, inputs large enough to touch.
 */
export function RosterCards({ courses, roster, valueOf, edit, isDone, rowErrors }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('grid.title')}>
      {roster.map((enrolment) => {
        const withdrawn = enrolment.status === 'withdrawn';
        const done = courses.filter((c) => isDone(enrolment.id, c.id)).length;
        const errors = rowErrors.get(enrolment.id);
        return (
          <Card key={enrolment.id} component="li" withBorder padding="sm" data-testid="roster-row">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={700} c={withdrawn ? 'gray.7' : undefined}>
                {enrolment.fullName}
              </Text>
              <Badge color={withdrawn ? 'gray.7' : 'indigo.9'} variant="filled" style={{ flexShrink: 0 }}>
                {`${done}/${courses.length}`}
              </Badge>
            </Group>
            <Text size="sm" c="gray.7">
              {t(`grid.statuses.${enrolment.status}`)}
            </Text>
            {errors && (
              <Text c="red.9" size="sm" role="alert">
                {errors.join('; ')}
              </Text>
            )}
            {!withdrawn &&
              courses.map((course) => {
                const value = valueOf(enrolment.id, course.id);
                const label = `${enrolment.fullName}, ${course.code}`;
                return (
                  <Stack key={course.id} gap={2} mt="xs">
                    <Text size="sm" fw={600}>
                      {`${course.code} · ${i18n.language === 'mn' ? course.titleMn : course.title}`}
                    </Text>
                    <Group gap="xs" wrap="nowrap">
                      <TextInput
                        type="date"
                        size="md"
                        aria-label={`${label}: ${t('grid.date')}`}
                        value={value.completedOn}
                        onChange={(e) =>
                          edit(enrolment.id, course.id, { completedOn: e.currentTarget.value })
                        }
                        style={{ flex: 1 }}
                      />
                      <NumberInput
                        size="md"
                        allowNegative={false}
                        hideControls
                        inputMode="numeric"
                        placeholder={t('grid.score')}
                        aria-label={`${label}: ${t('grid.score')}`}
                        value={value.score}
                        onChange={(score) => edit(enrolment.id, course.id, { score: String(score) })}
                        w={80}
                      />
                    </Group>
                  </Stack>
                );
              })}
          </Card>
        );
      })}
    </Stack>
  );
}
