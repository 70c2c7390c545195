import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RecordReadsList } from './record-reads-list';

/** On a member's page, for admins: who read this record, and (one click) only one reader's reads. */
export function MemberReadsPanel({ memberId }: { memberId: string }) {
  const { t } = useTranslation('privacy');
  return (
    <Stack gap="sm">
      <Text size="sm" c="gray.7">
        {t('reads.adminExplain')}
      </Text>
      <RecordReadsList scope={{ kind: 'member', memberId }} canFilter />
    </Stack>
  );
}
