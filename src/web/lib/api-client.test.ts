import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, isOfflineError } from './api-client';
import { isOnline, noteNetwork } from './offline/network';

/** Issue 11: without signal a request fails at once (or after a timeout) with a message, never spins. */

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  noteNetwork(true);
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe('the API client without signal', () => {
  it('does not even send a change when the phone is offline', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('navigator', { onLine: false });
    const error = await failure(apiRequest('/api/meetings/x/check-in', { method: 'POST', body: {} }));
    expect(isOfflineError(error)).toBe(true);
    expect(error).toMatchObject({ status: 0, code: 'offline' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('turns a request that got no answer into an offline error, and says the network is down', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    expect(await failure(apiRequest('/api/meetings/mine'))).toMatchObject({ status: 0, code: 'offline' });
    expect(isOnline()).toBe(false);
  });

  it('gives up on a change with no answer after 60 s', async () => {
    vi.useFakeTimers();
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_, reject) =>
            init.signal!.addEventListener('abort', () => reject(new Error('aborted'))),
          ),
      ),
    );
    const pending = failure(apiRequest('/api/meetings/x/attendance', { method: 'PUT', body: {} }));
    let settled = false;
    void pending.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(59_000);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await pending).toMatchObject({ status: 0, code: 'timeout' });
  });

  it('counts a read answered from the saved copy as no network, and a fresh one as back', async () => {
    const answer = (headers: Record<string, string>) =>
      vi.fn().mockResolvedValue(new Response('{"items":[]}', { status: 200, headers }));
    vi.stubGlobal('fetch', answer({ 'x-rl-saved-at': new Date().toUTCString() }));
    expect(await apiRequest('/api/meetings/mine')).toEqual({ items: [] });
    expect(isOnline()).toBe(false);
    vi.stubGlobal('fetch', answer({}));
    await apiRequest('/api/meetings/mine');
    expect(isOnline()).toBe(true);
  });
});

describe('one Idempotency-Key per submission (decision 0012)', () => {
  const keysSent = (fetch: ReturnType<typeof vi.fn>) =>
    fetch.mock.calls.map(([, init]) => (init as RequestInit & { headers: Record<string, string> }).headers['Idempotency-Key']);
  const ok = () => new Response('{"id":"1"}', { status: 201, headers: { 'content-type': 'application/json' } });

  it('keeps the key for a retry after no answer, and makes a new one after the answer came', async () => {
    const fetch = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(ok()).mockResolvedValueOnce(ok());
    vi.stubGlobal('fetch', fetch);
    const body = { title: 'Sinh hoạt chi bộ tháng 12' };
    expect(await failure(apiRequest('/api/meetings', { method: 'POST', body }))).toMatchObject({ status: 0 });
    noteNetwork(true);
    await apiRequest('/api/meetings', { method: 'POST', body });
    await apiRequest('/api/meetings', { method: 'POST', body });
    const [lost, retry, next] = keysSent(fetch);
    expect(lost).toMatch(/^[\w-]{16,}$/);
    expect(retry).toBe(lost);
    expect(next).not.toBe(lost);
  });

  it('gives other content its own key, ends a submission on an error answer too, and sends none on reads', async () => {
    const refused = () => new Response('{"error":{"code":"validation_failed","message":"x"}}', { status: 422 });
    const fetch = vi.fn().mockResolvedValueOnce(refused()).mockImplementation(async () => ok());
    vi.stubGlobal('fetch', fetch);
    await failure(apiRequest('/api/warnings', { method: 'POST', body: { reason: 'a' } }));
    await apiRequest('/api/warnings', { method: 'POST', body: { reason: 'a' } });
    await apiRequest('/api/warnings', { method: 'POST', body: { reason: 'b' } });
    await apiRequest('/api/warnings', { method: 'POST', body: { reason: 'c' }, idempotencyKey: 'given-by-the-form' });
    await apiRequest('/api/warnings');
    const [first, second, other, given, read] = keysSent(fetch);
    expect(new Set([first, second, other]).size).toBe(3);
    expect(given).toBe('given-by-the-form');
    expect(read).toBeUndefined();
  });
});
