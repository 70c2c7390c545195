import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { LoadMoreButton, type PagedQuery } from './load-more';
import { EmptyState, ErrorState, LoadingState } from './query-state';

/** The part of a `useInfiniteQuery` result that the list states need. */
export interface InfiniteListQuery extends PagedQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

interface InfiniteListStateProps {
  query: InfiniteListQuery;
  /** items loaded so far; none shows the empty state */
  count: number;
  emptyTitle: string;
  /**
   * "N shown" text for long lists and tables: it sits beside "Load more" under the list, so the user
   * knows how much of the list is on screen. Without it, "Load more" stands alone (card grids).
   */
  shown?: string;
  children: ReactNode;
}

/**
 * Loading, error or empty state of a paged list, else the list and its "Load more" button.
 * Renders siblings, not a wrapper, so the caller's Stack spaces them like the rest of its content.
 */
export function InfiniteListState({ query, count, emptyTitle, shown, children }: InfiniteListStateProps) {
  const state = query.isPending ? (
    <LoadingState />
  ) : query.isError ? (
    <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  ) : count === 0 ? (
    <EmptyState title={emptyTitle} />
  ) : null;

  if (shown === undefined) {
    return (
      <>
        {state ?? children}
        <LoadMoreButton query={query} />
      </>
    );
  }
  if (state) return state;
  return (
    <>
      {children}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {shown}
        </Text>
        <LoadMoreButton query={query} />
      </Group>
    </>
  );
}
