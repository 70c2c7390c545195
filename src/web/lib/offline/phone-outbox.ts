import { createStore, del, entries, set } from 'idb-keyval';
import { useSyncExternalStore } from 'react';
import {
  createOutbox,
  memoryOutboxStore,
  type OutboxItem,
  type OutboxReport,
  type OutboxStore,
} from './outbox';

/** The outbox in IndexedDB, so what waits survives a reload, a closed tab and a phone restart. */
function indexedDbStore(): OutboxStore {
  if (typeof indexedDB === 'undefined') return memoryOutboxStore();
  const db = createStore('residence-link-outbox', 'items');
  return {
    all: async () => (await entries<string, OutboxItem>(db)).map(([, item]) => item),
    put: (item) => set(item.id, item, db),
    remove: (id) => del(id, db),
  };
}

/** The phone's one outbox (decision 0010). */
export const outbox = createOutbox(indexedDbStore());

/** What waits, as the pages show it (re-rendered when it changes). */
export function useOutboxItems(filter: (item: OutboxItem) => boolean = () => true): OutboxItem[] {
  const items = useSyncExternalStore(outbox.subscribe, outbox.items);
  return items.filter(filter);
}

export function useOutboxReports(filter: (report: OutboxReport) => boolean): OutboxReport[] {
  const reports = useSyncExternalStore(outbox.subscribe, outbox.reports);
  return reports.filter(filter);
}
