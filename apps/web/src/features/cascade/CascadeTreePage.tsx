import {
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loading } from '../../app/Loading';
import { QueryState } from '../../app/QueryState';
import { Reveal, RevealContext, TrainerNode, useLoadUntilRevealed } from './TreeNode';
import { CascadeSearchHit, useCascadeRoots, useCascadeSearch } from './useCascade';

/**
 * Master teachers → their cohorts → participants, and on down the generations. Each level is
 * fetched when its node is opened (a page of 100 at a time), so a cascade of 50,000 people
 * loads only what is on screen. The search asks the server across the whole cascade; choosing a
 * hit opens the tree along its path, from the master teacher down to that person.
 */
export function CascadeTreePage() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 300);
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const roots = useCascadeRoots(programmeId);
  const show = (hit: CascadeSearchHit) =>
    hit.path && setReveal({ path: new Set(hit.path), target: hit.personId });
  useLoadUntilRevealed(roots, (m) => m.personId, !!reveal);

  return (
    <Stack>
      <Title order={2}>{t('tree.title')}</Title>
      <QueryState query={roots}>
        {(data) => {
          const first = data.pages[0];
          const masters = data.pages.flatMap((page) => page.items);
          return (
            <RevealContext.Provider value={reveal}>
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
              {query.length >= 2 && <SearchHits programmeId={programmeId} q={query} onShow={show} />}
              <Paper withBorder p="sm" role="tree" aria-label={t('tree.title')}>
                {masters.map((m) => (
                  <TrainerNode
                    key={m.personId}
                    trainer={m}
                    programmeId={programmeId}
                    query={query.toLowerCase()}
                  />
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
            </RevealContext.Provider>
          );
        }}
      </QueryState>
    </Stack>
  );
}

/** The people the server found, a page at a time; each opens the tree down to them. */
function SearchHits({
  programmeId,
  q,
  onShow,
}: {
  programmeId: string;
  q: string;
  onShow: (hit: CascadeSearchHit) => void;
}) {
  const { t } = useTranslation();
  const hits = useCascadeSearch(programmeId, q);
  if (hits.isPending) return <Loading size="xs" />;
  if (hits.isError)
    return (
      <Text c="red" size="sm" role="alert">
        {hits.error.message}
      </Text>
    );
  const items = hits.data.pages.flatMap((page) => page.items);
  const total = hits.data.pages[0].total;
  return (
    <Paper withBorder p="sm" data-testid="tree-search-hits" maw={640}>
      <Text size="sm" c="dimmed" mb={4} role="status">
        {total === 0 ? t('tree.noHits') : t('tree.hits', { count: total })}
      </Text>
      <Stack gap={4}>
        {items.map((hit) => (
          <Group key={hit.personId} gap="xs" wrap="nowrap">
            {hit.path ? (
              <UnstyledButton
                onClick={() => onShow(hit)}
                aria-label={t('tree.show', { name: hit.fullName })}
                c="blue.8"
                fw={500}
              >
                {hit.fullName}
              </UnstyledButton>
            ) : (
              <Text fw={500}>{hit.fullName}</Text>
            )}
            <Text size="sm" c="dimmed">
              {hit.email}
            </Text>
            {hit.generation !== null ? (
              <Badge size="sm" variant="outline" color="gray">
                {t('tree.generationShort', { generation: hit.generation })}
              </Badge>
            ) : (
              <Text size="xs" c="dimmed">
                {t('tree.noPath')}
              </Text>
            )}
          </Group>
        ))}
      </Stack>
      {hits.hasNextPage && (
        <Button
          size="compact-xs"
          variant="subtle"
          loading={hits.isFetchingNextPage}
          onClick={() => hits.fetchNextPage()}
        >
          {t('tree.more', { shown: items.length, total })}
        </Button>
      )}
    </Paper>
  );
}
