import { Button, Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFilePlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestItem } from '../../../../../shared/contracts/introductions';
import { InfiniteListState } from '../../../../components/ui/infinite-list-state';
import { useRequests, type RequestFilters } from '../../api/list-requests';
import { RequestCard } from '../shared/request-card';
import { DeclineRequestModal } from './decline-request-modal';
import { FulfilRequestModal } from './fulfil-request-modal';

type Status = NonNullable<RequestFilters['status']>;

/** Communes tell the workplace about members living there without a letter; the workplace answers each one. */
export function WorkplaceRequests({ unitId, canSign }: { unitId: string; canSign: boolean }) {
  const { t } = useTranslation('introductions');
  const [status, setStatus] = useState<Status>('open');
  const query = useRequests({ side: 'workplace', unitId, status });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const [fulfilling, setFulfilling] = useState<RequestItem | null>(null);
  const [declining, setDeclining] = useState<RequestItem | null>(null);

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('requests.workplaceHint')}
      </Text>
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v as Status)}
        data={(['open', 'fulfilled', 'declined'] as const).map((s) => ({
          value: s,
          label: t(`enums:requestStatus.${s}`),
        }))}
        style={{ alignSelf: 'flex-start' }}
      />
      <InfiniteListState query={query} count={items.length} emptyTitle={t('requests.empty')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" aria-label={t('requests.label')}>
          {items.map((r) => (
            <RequestCard key={r.id} request={r}>
              {r.status === 'open' && (
                <Group gap="xs">
                  <Button size="sm" leftSection={<IconFilePlus size={16} />} onClick={() => setFulfilling(r)}>
                    {t('requests.fulfil')}
                  </Button>
                  <Button
                    size="sm"
                    variant="default"
                    leftSection={<IconX size={16} />}
                    onClick={() => setDeclining(r)}
                  >
                    {t('requests.decline')}
                  </Button>
                </Group>
              )}
            </RequestCard>
          ))}
        </SimpleGrid>
      </InfiniteListState>
      {fulfilling && (
        <FulfilRequestModal
          request={fulfilling}
          unitId={unitId}
          canSign={canSign}
          onClose={() => setFulfilling(null)}
        />
      )}
      {declining && <DeclineRequestModal request={declining} onClose={() => setDeclining(null)} />}
    </Stack>
  );
}
