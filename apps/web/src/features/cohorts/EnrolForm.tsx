import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Textarea, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asPage, paging, unwrap } from '../../api/client';
import { PeoplePicker } from '../people/PeoplePicker';
import { Person } from '../reference/useReference';
import { useEnrol } from './useCohort';

/** Enrols people picked by search, or a pasted list of emails (one per line, or separated by commas). */
export function EnrolForm({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const enrol = useEnrol(cohortId);
  const [people, setPeople] = useState<Person[]>([]);
  const [emails, setEmails] = useState('');
  const [unknown, setUnknown] = useState<string[]>([]);
  const names = new Map(people.map((p) => [p.id, p.fullName]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const listed = [
      ...new Set(
        emails
          .split(/[\s,;]+/)
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      ),
    ];
    const found = await Promise.all(
      listed.map(async (email) => {
        const page = asPage<Person>(
          await unwrap(api.GET('/api/v1/people', { params: { query: paging(0, 5, { q: email }) } })),
        );
        return { email, person: page.items.find((p) => p.email.toLowerCase() === email) };
      }),
    );
    setUnknown(found.filter((f) => !f.person).map((f) => f.email));
    for (const f of found) if (f.person) names.set(f.person.id, f.person.fullName);
    const ids = [
      ...new Set([...people.map((p) => p.id), ...found.flatMap((f) => (f.person ? [f.person.id] : []))]),
    ];
    const refused = await enrol.mutateAsync(ids);
    // What was refused stays in the form, so nothing is lost.
    const refusedIds = new Set(refused.map((r) => r.personId));
    setPeople(people.filter((p) => refusedIds.has(p.id)));
    setEmails(
      found
        .filter((f) => !f.person || refusedIds.has(f.person.id))
        .map((f) => f.email)
        .join('\n'),
    );
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={t('enrol.title')}>
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('enrol.title')}
          </Title>
          {enrol.data && enrol.data.length > 0 && (
            <Alert color="red" role="alert" title={t('enrol.refused')}>
              <List size="sm">
                {enrol.data.map((r) => (
                  <List.Item key={r.personId}>
                    {names.get(r.personId) ?? r.personId}: {r.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {unknown.length > 0 && (
            <Alert color="orange" role="alert">
              {t('enrol.unknownEmails', { emails: unknown.join(', ') })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PeoplePicker label={t('enrol.search')} value={people} onChange={setPeople} />
            <Textarea
              label={t('enrol.paste')}
              autosize
              minRows={2}
              maxRows={8}
              value={emails}
              onChange={(e) => setEmails(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={enrol.isPending} disabled={people.length === 0 && !emails.trim()}>
              {t('enrol.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
