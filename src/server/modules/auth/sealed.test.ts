import { describe, expect, it } from 'vitest';
import { seal, unseal } from './sealed';

const secret = 'a-session-secret-that-is-long-enough-0123456789';

describe('sealed values', () => {
  it('opens what it sealed, with a fresh IV each time', () => {
    const a = seal('JBSWY3DPEHPK3PXP', secret, 'totp');
    const b = seal('JBSWY3DPEHPK3PXP', secret, 'totp');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(unseal(a, secret, 'totp')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses another secret, another purpose, an altered value or garbage', () => {
    const sealed = seal('JBSWY3DPEHPK3PXP', secret, 'totp');
    expect(unseal(sealed, `${secret}x`, 'totp')).toBeNull();
    expect(unseal(sealed, secret, 'other')).toBeNull();
    const parts = sealed.split('.');
    const flipped = parts[3]!.startsWith('A') ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`;
    expect(unseal([...parts.slice(0, 3), flipped].join('.'), secret, 'totp')).toBeNull();
    expect(unseal('not-sealed', secret, 'totp')).toBeNull();
    expect(unseal('v1...', secret, 'totp')).toBeNull();
  });
});
