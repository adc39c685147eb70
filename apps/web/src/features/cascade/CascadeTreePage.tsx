import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryState } from '../../app/QueryState';
import { TrainerNode } from './TreeNode';
import { useCascadeRoots } from './useCascade';

/**
 * Master teachers → their cohorts → participants, and on down the generations. Each level is
 * fetched when its node is opened (a page of 100 at a time), so a cascade of 50,000 people
 * loads only what is on screen; the search marks names among the nodes that are open.
 */
export function CascadeTreePage() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim().toLowerCase(), 250);
  const roots = useCascadeRoots(programmeId);

  return (
    <Stack>
      <Title order={2}>{t('tree.title')}</Title>
      <QueryState query={roots}>
        {(data) => {
          const first = data.pages[0];
          const masters = data.pages.flatMap((page) => page.items);
          return (
            <>
              <Group>
                {first.generations.map((g) => (
                  <Paper key={g.generation} withBorder px="sm" py={4}>
                    <Text size="sm">
                      {t('tree.generationCount', { generation: g.generation, count: g.people })}
                    </Text>
                  </Paper>
                ))}
              </Group>
              <TextInput
                label={t('tree.search')}
                description={t('tree.searchHint')}
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
                maw={400}
              />
              <Paper withBorder p="sm" role="tree" aria-label={t('tree.title')}>
                {masters.map((m) => (
                  <TrainerNode key={m.personId} trainer={m} programmeId={programmeId} query={query} />
                ))}
                {masters.length === 0 && <Text c="dimmed">{t('masters.none')}</Text>}
                {roots.hasNextPage && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    loading={roots.isFetchingNextPage}
                    onClick={() => roots.fetchNextPage()}
                  >
                    {t('tree.more', { shown: masters.length, total: first.total })}
                  </Button>
                )}
              </Paper>
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
