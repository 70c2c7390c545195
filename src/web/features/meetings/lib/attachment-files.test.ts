import { describe, expect, it } from 'vitest';
import { attachmentKind, checkAttachment } from './attachment-files';

const MB = 1024 * 1024;

describe('checkAttachment', () => {
  it('accepts photos and office files by extension or by a type the server sniffs', () => {
    expect(checkAttachment({ name: 'Ảnh buổi họp.JPG', size: 2 * MB, type: 'image/jpeg' })).toBeNull();
    expect(checkAttachment({ name: 'bien-ban.docx', size: 40_000, type: '' })).toBeNull();
    expect(
      checkAttachment({ name: 'danh-sach.xlsx', size: 40_000, type: 'application/octet-stream' }),
    ).toBeNull();
    // a camera photo handed over without an extension
    expect(checkAttachment({ name: 'image', size: 3 * MB, type: 'image/jpeg' })).toBeNull();
  });

  it('refuses other types, empty files and files over the limit', () => {
    expect(checkAttachment({ name: 'ghi-chu.txt', size: 10, type: 'text/plain' })).toBe('type');
    expect(checkAttachment({ name: 'IMG_0001.HEIC', size: 2 * MB, type: 'image/heic' })).toBe('type');
    expect(checkAttachment({ name: 'bien-ban.doc', size: 10, type: 'application/msword' })).toBe('type');
    expect(checkAttachment({ name: 'anh.png', size: 0, type: 'image/png' })).toBe('empty');
    expect(checkAttachment({ name: 'anh.png', size: 10 * MB, type: 'image/png' })).toBeNull();
    expect(checkAttachment({ name: 'anh.png', size: 10 * MB + 1, type: 'image/png' })).toBe('size');
  });
});

describe('attachmentKind', () => {
  it('picks the icon family from the type the server recorded', () => {
    expect(attachmentKind('image/webp')).toBe('image');
    expect(attachmentKind('application/pdf')).toBe('pdf');
    expect(attachmentKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(
      'word',
    );
    expect(attachmentKind('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('excel');
  });
});
