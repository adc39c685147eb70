import { Box } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useIntersection } from '@mantine/hooks';
import { ComponentProps, ReactNode, useEffect, useState } from 'react';
import type * as Charts from './charts';
import type { Series } from './charts';
import { loadCharts, loadedCharts } from './preload';

/**
 * The charts' module once it has arrived. Not React.lazy: a lazy component suspends on its first
 * render even when its code arrived long before (the route's loader starts it with the reads),
 * which costs the page another commit before any chart is drawn.
 */
function useCharts(): typeof Charts | undefined {
  const [charts, setCharts] = useState(loadedCharts);
  useEffect(() => {
    if (!charts) void loadCharts().then(setCharts);
  }, [charts]);
  return charts;
}

/**
 * A chart is drawn once its space comes near the screen: the charts further down the page cost
 * nothing until the user scrolls to them, and the space they keep means nothing below moves.
 * The charts of the first screen are `eager`: they are drawn as soon as their data are there.
 */
function WhenNear({ height, eager, children }: { height: number; eager?: boolean; children: ReactNode }) {
  const { ref, entry } = useIntersection<HTMLDivElement>({ rootMargin: '100px' });
  const [near, setNear] = useState(eager);
  useEffect(() => {
    if (entry?.isIntersecting) setNear(true);
  }, [entry?.isIntersecting]);
  return (
    <Box ref={ref} mih={height}>
      {near && children}
    </Box>
  );
}

type Eager = { eager?: boolean };

export function FunnelChart({ eager, ...props }: ComponentProps<typeof Charts.FunnelChart> & Eager) {
  const charts = useCharts();
  return (
    <WhenNear height={220} eager={eager}>
      {charts && <charts.FunnelChart {...props} />}
    </WhenNear>
  );
}
export function GroupedBars({ eager, ...props }: ComponentProps<typeof Charts.GroupedBars> & Eager) {
  const charts = useCharts();
  return (
    <WhenNear height={props.height} eager={eager}>
      {charts && <charts.GroupedBars {...props} />}
    </WhenNear>
  );
}
export function Lines({ eager, ...props }: ComponentProps<typeof Charts.Lines> & Eager) {
  const charts = useCharts();
  return (
    <WhenNear height={240} eager={eager}>
      {charts && <charts.Lines {...props} />}
    </WhenNear>
  );
}

const STAGE_COLOURS = {
  participants: '#3b5bdb',
  completers: '#2f9e44',
  certified: '#e8590c',
  aiAdopters: '#7048e8',
} as const;

/** The funnel's stages as chart series, each in its colour on every chart. */
export const stageSeries = (t: TFunction, stages: (keyof typeof STAGE_COLOURS)[]): Series[] =>
  stages.map((key) => ({ key, name: t(`figures.${key}`), colour: STAGE_COLOURS[key] }));
