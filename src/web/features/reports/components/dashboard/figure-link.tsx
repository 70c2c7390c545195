import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../../app/paths';
import { formatFigure, type DrillTarget } from '../../lib/figures';

/** A number on the dashboards: a link to the list behind it (same unit, side and period), so it can be checked. */
export function FigureLink({ value, target, label, color = 'blue.8' }: { value: number; target: DrillTarget; label: string; color?: string }) {
  const { t, i18n } = useTranslation('reports');
  const text = formatFigure(target.figure, value, i18n.language);
  if (value === 0) return <span aria-label={`${label}: ${text}`}>{text}</span>;
  return (
    <Anchor
      renderRoot={(props) => <Link {...props} to={paths.reportsList} search={{ ...target }} />}
      underline="hover"
      fz="inherit"
      fw="inherit"
      c={color}
      aria-label={t('figure.open', { label, value: text })}
    >
      {text}
    </Anchor>
  );
}
