import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubmissionState } from '../../../../../shared/rules/yearly-report';

const colors: Record<SubmissionState, string> = {
  not_started: 'gray',
  draft: 'yellow',
  submitted: 'blue',
  received: 'green',
  returned: 'red',
};

/** Where a yearly report stands, in words (a draft reads "not submitted" to the committee above). */
export function ReportStatusBadge({ state, late, upward }: { state: SubmissionState; late?: boolean; upward?: boolean }) {
  const { t } = useTranslation('reports');
  const shown = upward && state === 'draft' ? 'not_started' : state;
  return (
    <>
      <Badge color={colors[shown]} variant="dot" size="lg" c="dark.6">
        {t(`yearly.status.${shown}`)}
      </Badge>
      {late && (
        <Badge color="red" variant="filled" size="lg" ml={6}>
          {t('yearly.late')}
        </Badge>
      )}
    </>
  );
}
