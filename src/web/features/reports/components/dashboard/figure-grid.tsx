import { SimpleGrid } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureKey } from '../../../../../shared/rules/report-figures';
import { valueOf } from '../../lib/figures';
import { FigureTile } from './figure-tile';
import type { SectionProps } from './section-props';

export interface TileSpec {
  figure: FigureKey;
  half?: 1 | 2;
  /** a label other than the figure's own (e.g. with the half-year) */
  label?: string;
  note?: ReactNode;
  tone?: 'alert' | 'good';
}

/** Headline figures of a section for the unit's whole subtree, each a link to its list. */
export function FigureGrid({ tiles, props }: { tiles: TileSpec[]; props: SectionProps }) {
  const { t } = useTranslation('reports');
  const { pages, side, year, half } = props;
  const total = pages[0]!.total[side];
  const unitId = pages[0]!.unit?.id;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
      {tiles.map((tile) => {
        const h = tile.half ?? half;
        return (
          <FigureTile
            key={`${tile.figure}:${tile.half ?? ''}`}
            label={tile.label ?? t(`figures.${tile.figure}`)}
            value={valueOf(total, tile.figure, h)}
            target={{ unitId, figure: tile.figure, side, year, half: h ?? undefined }}
            note={tile.note}
            tone={tile.tone}
          />
        );
      })}
    </SimpleGrid>
  );
}
