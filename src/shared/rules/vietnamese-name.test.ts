import { describe, expect, it } from 'vitest';
import { compareVietnameseNames, foldVietnamese, givenNameFirst, vnSortKey } from './vietnamese-name';

describe('Vietnamese names', () => {
  it('puts the given name first', () => {
    expect(givenNameFirst('Nguyễn Văn An')).toBe('An Nguyễn Văn');
    expect(givenNameFirst('  Lê   Bình ')).toBe('Bình Lê');
    expect(givenNameFirst('Hùng')).toBe('Hùng');
  });

  it('sorts by given name, then family and middle names, with the Vietnamese alphabet and tones', () => {
    const names = ['Trần Văn Bình', 'Phạm Đức Anh', 'Lê Thị Ánh', 'Nguyễn Văn An', 'Hoàng Văn Ân', 'Đặng Thị Dung', 'Bùi Văn Đông', 'Lê Văn An'];
    expect([...names].sort(compareVietnameseNames)).toEqual([
      'Lê Văn An', // An, family Lê before Nguyễn
      'Nguyễn Văn An',
      'Phạm Đức Anh', // Anh before Ánh: tone settles the given name first
      'Lê Thị Ánh',
      'Hoàng Văn Ân', // â comes after a
      'Trần Văn Bình',
      'Đặng Thị Dung', // d before đ
      'Bùi Văn Đông',
    ]);
  });

  it('is case-insensitive and ignores extra spaces', () => {
    expect(vnSortKey('NGUYỄN VĂN AN')).toBe(vnSortKey('nguyễn văn an'));
    expect(vnSortKey(' Nguyễn  Văn An ')).toBe(vnSortKey('Nguyễn Văn An'));
  });

  it('folds diacritics for search', () => {
    expect(foldVietnamese('Nguyễn Văn Đông')).toBe('nguyen van dong');
    expect(foldVietnamese('  ĐẶNG   Thị Ước ')).toBe('dang thi uoc');
  });
});
