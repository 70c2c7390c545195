import { describe, expect, it } from 'vitest';
import { checkInUrlAt } from './check-in-url';

const m = {
  checkInUrl: 'http://localhost:3000/meetings/abc/check-in?code=plainCode',
  checkInCodes: [
    { from: '2026-03-10T11:30:00.000Z', code: 't1.first' },
    { from: '2026-03-10T11:35:00.000Z', code: 't2.second' },
  ],
};

describe('the URL the QR shows', () => {
  it('carries the code of the current five minutes, the first before the window, the last after it', () => {
    expect(checkInUrlAt(m, new Date('2026-03-10T11:36:00Z'))).toBe(
      'http://localhost:3000/meetings/abc/check-in?code=t2.second',
    );
    expect(checkInUrlAt(m, new Date('2026-03-10T11:31:00Z'))).toContain('code=t1.first');
    expect(checkInUrlAt(m, new Date('2026-03-10T10:00:00Z'))).toContain('code=t1.first');
    expect(checkInUrlAt(m, new Date('2026-03-10T13:00:00Z'))).toContain('code=t2.second');
    expect(checkInUrlAt({ ...m, checkInCodes: null }, new Date())).toBe(m.checkInUrl);
  });
});
