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
