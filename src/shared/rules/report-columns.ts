import { figureKeys, reportFigures, type FigureKey } from './report-figures';

/**
 * How the figures are stored: one column per figure, two (`…H1`, `…H2`) for a half-year figure.
 * The database schema and the server's SQL are generated from this list, so adding a figure to the
 * catalogue is a migration and a definition, nothing else.
 */
type Def = typeof reportFigures;
export type FigureColumnName = {
  [K in FigureKey]: Def[K]['period'] extends 'half' ? `${K}H1` | `${K}H2` : K;
}[FigureKey];

export interface FigureColumn {
  key: FigureKey;
  column: FigureColumnName;
  /** the half-year the column holds, for half-year figures */
  half: 1 | 2 | null;
  unit: 'days' | 'vnd' | null;
}

export const figureColumns: readonly FigureColumn[] = figureKeys.flatMap((key): FigureColumn[] => {
  const def = reportFigures[key];
  const unit = 'unit' in def ? def.unit : null;
  if (def.period === 'half')
    return [
      { key, column: `${key}H1` as FigureColumnName, half: 1, unit },
      { key, column: `${key}H2` as FigureColumnName, half: 2, unit },
    ];
  return [{ key, column: key as FigureColumnName, half: null, unit }];
});
