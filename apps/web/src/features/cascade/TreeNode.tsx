import { Badge, Box, Button, Group, Loader, Text, UnstyledButton } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  TreeCohort,
  TreeParticipant,
  TreeTrainer,
  useCohortParticipants,
  useTrainerCohorts,
} from './useCascade';

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
}: {
  query: UseInfiniteQueryResult<InfiniteData<{ items: T[]; total: number }>>;
  render: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Loader size="xs" ml="lg" aria-label={t('common.loading')} />;
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
        <Link to={`/people/${trainer.personId}`}>
          <Name text={trainer.fullName} query={query} />
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
          render={(person: TreeParticipant) => (
            <TrainerNode key={person.personId} trainer={person} programmeId={programmeId} query={query} />
          )}
        />
      )}
    </Box>
  );
}
