import { Badge, Box, Button, Group, Text, UnstyledButton } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { createContext, ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../app/Loading';
import {
  TreeCohort,
  TreeParticipant,
  TreeTrainer,
  useCohortParticipants,
  useTrainerCohorts,
} from './useCascade';

/** The nodes to open down to a search hit (person and cohort ids), and the hit itself. */
export interface Reveal {
  path: Set<string>;
  target: string;
}
export const RevealContext = createContext<Reveal | null>(null);

/**
 * Opens a node that lies on the way to the revealed hit (each new reveal again, even if it was
 * closed since); answers whether the node is the hit itself.
 */
function useReveal(id: string, setOpen: (open: boolean) => void) {
  const reveal = useContext(RevealContext);
  const onPath = !!reveal && reveal.path.has(id) && reveal.target !== id;
  const isTarget = reveal?.target === id;
  // The hit's link is scrolled into view and focused once, when it is revealed.
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (onPath) setOpen(true);
    if (isTarget) {
      link.current?.scrollIntoView({ block: 'center' });
      link.current?.focus();
    }
  }, [onPath, isTarget, reveal, setOpen]);
  return { onPath, isTarget, link };
}

/** Under a node on the way to the hit, loads further pages until the next node of the way is among them. */
export function useLoadUntilRevealed<T>(
  query: UseInfiniteQueryResult<InfiniteData<{ items: T[] }>>,
  idOf: (item: T) => string,
  onPath: boolean,
) {
  const reveal = useContext(RevealContext);
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const missing = onPath && !!reveal && !items.some((item) => reveal.path.has(idOf(item)));
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (missing && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [missing, hasNextPage, isFetchingNextPage, fetchNextPage]);
}

interface Level {
  programmeId: string;
  /** Lower-case text to mark in the names of the nodes on screen. */
  query: string;
}

/** The open/close control of a node, named after what it opens. */
function Toggle({ open, name, onClick }: { open: boolean; name: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      onClick={onClick}
      aria-expanded={open}
      aria-label={`${open ? t('tree.collapse') : t('tree.expand')} ${name}`}
      w={16}
    >
      {open ? '▾' : '▸'}
    </UnstyledButton>
  );
}

const Name = ({ text, query }: { text: string; query: string }) =>
  query && text.toLowerCase().includes(query) ? <mark>{text}</mark> : <>{text}</>;

/** The children of an opened node, page by page. */
function Children<T>({
  query,
  render,
  idOf,
  onPath,
}: {
  query: UseInfiniteQueryResult<InfiniteData<{ items: T[]; total: number }>>;
  render: (item: T) => ReactNode;
  idOf: (item: T) => string;
  onPath: boolean;
}) {
  const { t } = useTranslation();
  useLoadUntilRevealed(query, idOf, onPath);
  if (query.isPending) return <Loading size="xs" ml="lg" />;
  if (query.isError)
    return (
      <Text c="red" size="sm" role="alert" ml="lg">
        {query.error.message}
      </Text>
    );
  const items = query.data.pages.flatMap((page) => page.items);
  return (
    <Box role="group" pl="lg">
      {items.map(render)}
      {query.hasNextPage && (
        <Button
          size="compact-xs"
          variant="subtle"
          loading={query.isFetchingNextPage}
          onClick={() => query.fetchNextPage()}
        >
          {t('tree.more', { shown: items.length, total: query.data.pages[0].total })}
        </Button>
      )}
    </Box>
  );
}

/** A trainer (a master teacher, or a participant who leads cohorts); opening it loads their cohorts. */
export function TrainerNode({
  trainer,
  programmeId,
  query,
}: Level & { trainer: TreeTrainer | TreeParticipant }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { onPath, isTarget, link } = useReveal(trainer.personId, setOpen);
  const cohorts = useTrainerCohorts(programmeId, trainer.personId, open);
  const status = 'status' in trainer ? trainer.status : undefined;
  return (
    <Box role="treeitem" aria-expanded={trainer.cohorts > 0 ? open : undefined}>
      <Group gap="xs" wrap="nowrap">
        {trainer.cohorts > 0 ? (
          <Toggle open={open} name={trainer.fullName} onClick={() => setOpen(!open)} />
        ) : (
          <Box w={16} />
        )}
        <Link to={`/people/${trainer.personId}`} ref={link}>
          {isTarget ? <mark>{trainer.fullName}</mark> : <Name text={trainer.fullName} query={query} />}
        </Link>
        {trainer.generation !== null && (
          <Badge size="sm" variant="outline" color="gray">
            {t('tree.generationShort', { generation: trainer.generation })}
          </Badge>
        )}
        {status && (
          <Text size="xs" c="dimmed">
            {t(`grid.statuses.${status}`)}
          </Text>
        )}
        {trainer.cohorts > 0 && (
          <Badge size="sm" variant="light">
            {t('tree.counts', { cohorts: trainer.cohorts, count: trainer.participants })}
          </Badge>
        )}
      </Group>
      {open && (
        <Children
          query={cohorts}
          idOf={(cohort) => cohort.cohortId}
          onPath={onPath}
          render={(cohort: TreeCohort) => (
            <CohortNode key={cohort.cohortId} cohort={cohort} programmeId={programmeId} query={query} />
          )}
        />
      )}
    </Box>
  );
}

/** A cohort under its lead trainer; opening it loads its participants. */
function CohortNode({ cohort, programmeId, query }: Level & { cohort: TreeCohort }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { onPath } = useReveal(cohort.cohortId, setOpen);
  const participants = useCohortParticipants(programmeId, cohort.cohortId, open);
  return (
    <Box role="treeitem" aria-expanded={cohort.participants > 0 ? open : undefined}>
      <Group gap="xs" wrap="nowrap">
        {cohort.participants > 0 ? (
          <Toggle open={open} name={cohort.name} onClick={() => setOpen(!open)} />
        ) : (
          <Box w={16} />
        )}
        <Link to={`/cohorts/${cohort.cohortId}`}>
          <Name text={cohort.name} query={query} />
        </Link>
        <Text size="sm" c="dimmed">
          {t('rounds.number')} {cohort.roundNumber} ·{' '}
          {t('tree.cohortCounts', { count: cohort.participants, completed: cohort.byStatus.completed })}
        </Text>
      </Group>
      {open && (
        <Children
          query={participants}
          idOf={(person) => person.personId}
          onPath={onPath}
          render={(person: TreeParticipant) => (
            <TrainerNode key={person.personId} trainer={person} programmeId={programmeId} query={query} />
          )}
        />
      )}
    </Box>
  );
}
