/**
 * Changes made without signal wait on the phone and go out when it is back (decision 0010): a QR check-in with
 * its scan time, the secretary's ticks. One item per thing changed (`key`): a second change of the same thing
 * merges into the waiting item instead of queueing twice. Items belong to the person who made them and are
 * sent only while that person is logged in. Features say how to send and merge their kinds (`OutboxKind`).
 */

export interface OutboxItem<P = unknown> {
  id: string;
  kind: string;
  /** the same key means the same thing changed (a meeting's check-in, a meeting's ticks) */
  key: string;
  userId: string;
  payload: P;
  queuedAt: string;
}

/** Where the items live: IndexedDB on the phone (outbox-store.ts), memory in tests. */
export interface OutboxStore {
  all(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
  remove(id: string): Promise<void>;
}

/** What came of sending one item. */
export type SendOutcome =
  /** accepted; `result` goes to the kind's `onSent` */
  | { type: 'sent'; result: unknown }
  /** no signal (or no answer): it stays and goes with the next try */
  | { type: 'retry' }
  /** refused by the server: it is dropped, and the person is told why */
  | { type: 'refused'; message: string };

export interface OutboxKind<P> {
  send(payload: P): Promise<SendOutcome>;
  /** a second change of the same thing while the first still waits */
  merge?(waiting: P, next: P): P;
}

export interface OutboxReport {
  item: OutboxItem;
  outcome: Exclude<SendOutcome, { type: 'retry' }>;
}

export interface Outbox {
  /** a feature says how its kind of change is sent (at import, before the first flush) */
  register<P>(kind: string, how: OutboxKind<P>): void;
  enqueue<P>(item: Omit<OutboxItem<P>, 'id' | 'queuedAt'> & { queuedAt?: string }): Promise<OutboxItem<P>>;
  /** sends what waits for this person, oldest first; stops at the first "no signal" */
  flush(userId: string): Promise<OutboxReport[]>;
  /** what waits now (kept in memory after the first load, for the pages) */
  items(): readonly OutboxItem[];
  load(): Promise<readonly OutboxItem[]>;
  subscribe(listener: () => void): () => void;
  /** what the last rounds sent or had refused, for the pages to show; `dismiss` once shown */
  reports(): readonly OutboxReport[];
  dismiss(report: OutboxReport): void;
}

let counter = 0;
const newId = () =>
  `${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export function createOutbox(store: OutboxStore): Outbox {
  const kinds: Record<string, OutboxKind<unknown>> = {};
  let cache: OutboxItem[] = [];
  let reports: OutboxReport[] = [];
  let loaded: Promise<readonly OutboxItem[]> | null = null;
  let flushing: Promise<OutboxReport[]> | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const changed = (next: OutboxItem[]) => {
    cache = next;
    notify();
  };
  const load = () =>
    (loaded ??= store.all().then((all) => {
      changed(all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)));
      return cache;
    }));

  async function flushNow(userId: string): Promise<OutboxReport[]> {
    await load();
    const sent: OutboxReport[] = [];
    for (const item of cache.filter((i) => i.userId === userId)) {
      const kind = kinds[item.kind];
      // a kind no feature registers (an old version's) waits rather than being lost
      if (!kind) continue;
      const outcome = await kind.send(item.payload);
      if (outcome.type === 'retry') break;
      // a change merged in while this one was on its way stays for the next round
      const current = cache.find((i) => i.id === item.id);
      if (current && current.payload !== item.payload) continue;
      await store.remove(item.id);
      changed(cache.filter((i) => i.id !== item.id));
      sent.push({ item, outcome });
    }
    if (sent.length) {
      reports = [...reports, ...sent];
      notify();
    }
    return sent;
  }

  return {
    register(name, how) {
      kinds[name] = how as OutboxKind<unknown>;
    },
    async enqueue(input) {
      await load();
      const waiting = cache.find((i) => i.key === input.key && i.userId === input.userId);
      const kind = kinds[input.kind];
      const item: OutboxItem = waiting
        ? { ...waiting, payload: kind?.merge ? kind.merge(waiting.payload, input.payload) : input.payload }
        : { ...input, id: newId(), queuedAt: input.queuedAt ?? new Date().toISOString() };
      await store.put(item);
      changed(waiting ? cache.map((i) => (i.id === item.id ? item : i)) : [...cache, item]);
      return item as OutboxItem<never>;
    },
    flush(userId) {
      // one round at a time: the online event and the app start may ask together
      flushing ??= flushNow(userId).finally(() => (flushing = null));
      return flushing;
    },
    items: () => cache,
    load,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reports: () => reports,
    dismiss(report) {
      reports = reports.filter((r) => r !== report);
      notify();
    },
  };
}

/** For tests and as the fallback where IndexedDB is missing. */
export function memoryOutboxStore(): OutboxStore {
  const items = new Map<string, OutboxItem>();
  return {
    all: async () => [...items.values()],
    put: async (item) => void items.set(item.id, item),
    remove: async (id) => void items.delete(id),
  };
}
