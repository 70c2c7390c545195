import { Button, type MantineSize } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { introductionPaths } from '../../../../../shared/contracts/introductions';

/** The letter as PDF in a new tab, so the page behind it stays where the user was. */
export function LetterPdfButton({ letterId, size }: { letterId: string; size?: MantineSize }) {
  const { t } = useTranslation('introductions');
  return (
    <Button
      component="a"
      href={introductionPaths.letterPdf(letterId)}
      target="_blank"
      rel="noopener"
      variant="default"
      size={size}
      leftSection={<IconFileTypePdf size={18} />}
    >
      {t('letter.pdf')}
    </Button>
  );
}
