import { Box } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useIntersection } from '@mantine/hooks';
import { ComponentProps, lazy, ReactNode, Suspense, useEffect, useState } from 'react';
import type { Series } from './charts';
import { loadCharts } from './preload';

const FunnelChartLazy = lazy(() => loadCharts().then((m) => ({ default: m.FunnelChart })));
const GroupedBarsLazy = lazy(() => loadCharts().then((m) => ({ default: m.GroupedBars })));
const LinesLazy = lazy(() => loadCharts().then((m) => ({ default: m.Lines })));

/**
 * A chart is drawn once its space comes near the screen: the charts further down the page cost
 * nothing until the user scrolls to them, and the space they keep means nothing below moves.
 */
function WhenNear({ height, children }: { height: number; children: ReactNode }) {
  const { ref, entry } = useIntersection<HTMLDivElement>({ rootMargin: '100px' });
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (entry?.isIntersecting) setNear(true);
  }, [entry?.isIntersecting]);
  return (
    <Box ref={ref} mih={height}>
      {near && <Suspense fallback={null}>{children}</Suspense>}
    </Box>
  );
}

export const FunnelChart = (props: ComponentProps<typeof FunnelChartLazy>) => (
  <WhenNear height={220}>
    <FunnelChartLazy {...props} />
  </WhenNear>
);
export const GroupedBars = (props: ComponentProps<typeof GroupedBarsLazy>) => (
  <WhenNear height={props.height}>
    <GroupedBarsLazy {...props} />
  </WhenNear>
);
export const Lines = (props: ComponentProps<typeof LinesLazy>) => (
  <WhenNear height={240}>
    <LinesLazy {...props} />
  </WhenNear>
);

const STAGE_COLOURS = {
  participants: '#3b5bdb',
  completers: '#2f9e44',
  certified: '#e8590c',
  aiAdopters: '#7048e8',
} as const;

/** The funnel's stages as chart series, each in its colour on every chart. */
export const stageSeries = (t: TFunction, stages: (keyof typeof STAGE_COLOURS)[]): Series[] =>
  stages.map((key) => ({ key, name: t(`figures.${key}`), colour: STAGE_COLOURS[key] }));
