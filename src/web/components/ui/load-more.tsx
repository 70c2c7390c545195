import { Button, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The part of a `useInfiniteQuery` result that fetching the next page needs. */
export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** Lists load in keyset pages; the button disappears once the last page is in. */
export function LoadMoreButton({ query, size }: { query: PagedQuery; size?: MantineSize }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Button
      variant="default"
      size={size}
      onClick={() => void query.fetchNextPage()}
      loading={query.isFetchingNextPage}
    >
      {t('actions.loadMore')}
    </Button>
  );
}
