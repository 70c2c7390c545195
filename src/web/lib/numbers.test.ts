import { describe, expect, it } from 'vitest';
import { formatBytes, formatDays, formatVnd } from './numbers';

describe('numbers', () => {
  it('formats money in VND the Vietnamese way', () => {
    expect(formatVnd(1_500_000)).toBe('1.500.000\u00a0₫');
    expect(formatVnd(0)).toBe('0\u00a0₫');
    expect(formatVnd(null)).toBe('—');
  });

  it('formats work days with one decimal in the UI language', () => {
    expect(formatDays(2.5, 'vi')).toBe('2,5');
    expect(formatDays(3, 'vi')).toBe('3,0');
    expect(formatDays(2.5, 'en')).toBe('2.5');
    expect(formatDays(null, 'vi')).toBe('—');
  });

  it('formats file sizes', () => {
    expect(formatBytes(500, 'vi')).toBe('500 B');
    expect(formatBytes(2048, 'vi')).toBe('2 KB');
    expect(formatBytes(2.4 * 1024 * 1024, 'vi')).toBe('2,4 MB');
    expect(formatBytes(2.4 * 1024 * 1024, 'en')).toBe('2.4 MB');
  });
});
