import { describe, expect, it } from 'vitest';
import { createOutbox, memoryOutboxStore, type OutboxStore, type SendOutcome } from './outbox';

interface Scan {
  meetingId: string;
  scannedAt: string;
}

function setup(store: OutboxStore = memoryOutboxStore()) {
  const outbox = createOutbox(store);
  const sent: Scan[] = [];
  let answer: (p: Scan) => SendOutcome = () => ({ type: 'sent', result: 'ok' });
  outbox.register<Scan>('scan', {
    send: async (p) => {
      const outcome = answer(p);
      if (outcome.type === 'sent') sent.push(p);
      return outcome;
    },
    merge: (waiting) => waiting,
  });
  return { outbox, sent, answer: (fn: typeof answer) => (answer = fn), store };
}

const scan = (meetingId: string, scannedAt: string, userId = 'u1') => ({
  kind: 'scan',
  key: `scan:${meetingId}`,
  userId,
  payload: { meetingId, scannedAt },
});

describe('the phone’s outbox', () => {
  it('keeps one item per thing changed: a second scan of the same meeting keeps the first scan time', async () => {
    const { outbox } = setup();
    await outbox.enqueue(scan('m1', '2026-03-10T12:01:00Z'));
    await outbox.enqueue(scan('m1', '2026-03-10T12:09:00Z'));
    await outbox.enqueue(scan('m2', '2026-03-10T12:05:00Z'));
    expect(outbox.items().map((i) => i.payload)).toEqual([
      { meetingId: 'm1', scannedAt: '2026-03-10T12:01:00Z' },
      { meetingId: 'm2', scannedAt: '2026-03-10T12:05:00Z' },
    ]);
  });

  it('sends oldest first, removes what was accepted, and stops at "no signal" keeping the rest', async () => {
    const { outbox, sent, answer } = setup();
    await outbox.enqueue(scan('m1', 'a'));
    await outbox.enqueue(scan('m2', 'b'));
    answer((p) => (p.meetingId === 'm2' ? { type: 'retry' } : { type: 'sent', result: 'ok' }));
    const first = await outbox.flush('u1');
    expect(first.map((r) => r.item.key)).toEqual(['scan:m1']);
    expect(outbox.items().map((i) => i.key)).toEqual(['scan:m2']);
    answer(() => ({ type: 'sent', result: 'ok' }));
    await outbox.flush('u1');
    expect(sent.map((p) => p.meetingId)).toEqual(['m1', 'm2']);
    expect(outbox.items()).toEqual([]);
  });

  it('drops a refused item and reports why, until the page dismisses it', async () => {
    const { outbox, answer } = setup();
    await outbox.enqueue(scan('m1', 'a'));
    answer(() => ({ type: 'refused', message: 'outside the window' }));
    await outbox.flush('u1');
    expect(outbox.items()).toEqual([]);
    const [report] = outbox.reports();
    expect(report?.outcome).toEqual({ type: 'refused', message: 'outside the window' });
    outbox.dismiss(report!);
    expect(outbox.reports()).toEqual([]);
  });

  it('sends only the items of the person logged in', async () => {
    const { outbox, sent } = setup();
    await outbox.enqueue(scan('m1', 'a', 'u1'));
    await outbox.enqueue(scan('m1', 'b', 'u2'));
    await outbox.flush('u2');
    expect(sent).toEqual([{ meetingId: 'm1', scannedAt: 'b' }]);
    expect(outbox.items().map((i) => i.userId)).toEqual(['u1']);
  });

  it('survives a reload (the store), and one round at a time sends each item once', async () => {
    const store = memoryOutboxStore();
    await setup(store).outbox.enqueue(scan('m1', 'a'));
    const again = setup(store);
    expect(await again.outbox.load()).toHaveLength(1);
    await Promise.all([again.outbox.flush('u1'), again.outbox.flush('u1')]);
    expect(again.sent).toHaveLength(1);
  });

  it('keeps items of a kind nobody registered (an older version’s) instead of losing them', async () => {
    const { outbox } = setup();
    await outbox.enqueue({ kind: 'unknown', key: 'x', userId: 'u1', payload: {} });
    await outbox.flush('u1');
    expect(outbox.items()).toHaveLength(1);
  });
});
