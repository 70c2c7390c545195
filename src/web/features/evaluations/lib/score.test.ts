import { describe, expect, it } from 'vitest';
import { readScore } from './score';

describe('a typed review score', () => {
  it('reads 0–100 with one decimal, comma or dot', () => {
    expect(readScore('87')).toEqual({ score: 87 });
    expect(readScore(' 87,5 ')).toEqual({ score: 87.5 });
    expect(readScore('100')).toEqual({ score: 100 });
    expect(readScore('0')).toEqual({ score: 0 });
    expect(readScore('')).toBeNull();
  });

  it('names what is wrong instead of clearing it', () => {
    expect(readScore('150')).toEqual({ problem: 'range' });
    expect(readScore('100.5')).toEqual({ problem: 'range' });
    expect(readScore('abc')).toEqual({ problem: 'notANumber' });
    expect(readScore('-5')).toEqual({ problem: 'notANumber' });
    expect(readScore('8.75')).toEqual({ problem: 'notANumber' });
  });
});
