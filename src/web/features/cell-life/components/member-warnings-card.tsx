import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberDetail } from '../../../../shared/contracts/members';
import { LoadMoreButton } from '../../../components/ui/load-more';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { cellGrants, communeGrants, isAdmin } from '../../../lib/roles';
import { useCurrentUser } from '../../auth/api/get-me';
import { useWarnings } from '../api/list-warnings';
import { WarningCard } from './warning-card';
import { WarningFormModal } from './warning-form-modal';

/**
 * Art. 4.4 on the member's page: the reminders and warnings the residence cell gave them, and how each
 * ended (evidence for the yearly comment). The cell that has the member issues a new one from here.
 */
export function MemberWarningsCard({ m }: { m: MemberDetail }) {
  const { t } = useTranslation('cellLife');
  const me = useCurrentUser();
  const [issuing, setIssuing] = useState(false);
  const query = useWarnings({ memberId: m.id });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const own = me.user.memberId === m.id;
  // the cell the member lives in, or the commune above it, may warn them
  const canIssue =
    !!m.residenceCellId &&
    (isAdmin(me) ||
      cellGrants(me).some((g) => g.unitId === m.residenceCellId) ||
      communeGrants(me).some((g) => g.unitId === m.residenceCommuneId));

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`warnings-${m.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="center" gap="xs">
          <Title order={3} fz="lg" id={`warnings-${m.id}`}>
            {t('memberWarnings.title')}
          </Title>
          {canIssue && (
            <Button
              variant="light"
              color="orange"
              leftSection={<IconAlertTriangle size={18} />}
              onClick={() => setIssuing(true)}
            >
              {t('memberWarnings.issue')}
            </Button>
          )}
        </Group>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('memberWarnings.none')}
          </Text>
        ) : (
          <Stack gap="sm">
            {items.map((w) => (
              <WarningCard key={w.id} w={w} mine={own} showMember={false} />
            ))}
            <LoadMoreButton query={query} />
          </Stack>
        )}
      </Stack>
      {issuing && m.residenceCellId && (
        <WarningFormModal
          member={{ id: m.id, name: m.fullName, cellId: m.residenceCellId, cellName: m.residenceCellName }}
          onClose={() => setIssuing(false)}
        />
      )}
    </Card>
  );
}
