import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { InfiniteListState } from '../../../../components/ui/infinite-list-state';
import { useNoComment, type NoCommentFilters } from '../../api/list-no-comment';
import { EvaluationStatusBadge } from './evaluation-badges';
import { hrefs } from '../../../../app/paths';

/** Working members with no comment delivered this year (the seeds: "many never get one"), and where theirs stands. */
export function NoCommentList({ filters, title }: { filters: NoCommentFilters; title: string }) {
  const { t } = useTranslation('evaluations');
  const query = useNoComment(filters);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Title order={3} fz="lg" mb={4}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('noComment.hint')}
      </Text>
      <Stack gap="sm">
        <InfiniteListState
          query={query}
          count={items.length}
          emptyTitle={t('noComment.empty')}
          shown={t('shown', { count: items.length })}
        >
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="xs" aria-label={title}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.member')}</Table.Th>
                  <Table.Th>{t('fields.workplaceCell')}</Table.Th>
                  <Table.Th>{t('fields.residence')}</Table.Th>
                  <Table.Th>{t('fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <Table.Tr key={m.memberId}>
                    <Table.Td>
                      {m.evaluationId ? (
                        <Anchor component={Link} to={hrefs.evaluation(m.evaluationId)} fw={600}>
                          {m.fullName}
                        </Anchor>
                      ) : (
                        <Text fw={600}>{m.fullName}</Text>
                      )}
                      <Text size="xs" c="dimmed" ff="monospace">
                        {m.cardNumber}
                      </Text>
                    </Table.Td>
                    <Table.Td fz="sm">{m.workplaceCellName}</Table.Td>
                    <Table.Td fz="sm">
                      {[m.residenceCellName, m.communeName].filter(Boolean).join(' · ') || '—'}
                    </Table.Td>
                    <Table.Td>
                      <EvaluationStatusBadge value={m.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </InfiniteListState>
      </Stack>
    </Card>
  );
}
