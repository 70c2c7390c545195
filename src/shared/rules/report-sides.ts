/**
 * The two sides a report counts from (see report-figures.ts). Its own module: the dashboards' URL search params
 * are on every page's path (the router), and importing them from report-figures.ts pulled the whole figure table
 * into the shared bundle (decision 0009's budget).
 */
export const reportSides = ['residence', 'workplace'] as const;
export type ReportSide = (typeof reportSides)[number];
