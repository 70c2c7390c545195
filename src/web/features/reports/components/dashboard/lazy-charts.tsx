import { Skeleton } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';

// recharts with its d3 and redux helpers weighs about 135 kB compressed, more than the rest of the dashboard:
// the charts, pictures of numbers that the tiles and tables already show, load after the figures (issue 11).
export const BarChart = lazy(() => import('@mantine/charts').then((m) => ({ default: m.BarChart })));
export const LineChart = lazy(() => import('@mantine/charts').then((m) => ({ default: m.LineChart })));

/** Where a chart will stand, at its height, so the page does not jump when the chart arrives. */
export function ChartSlot({ h, children }: { h: number; children: ReactNode }) {
  return <Suspense fallback={<Skeleton h={h} />}>{children}</Suspense>;
}
