import { sniffType } from './sniff-type';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(
    parts.map((part) =>
      typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part),
    ),
  );

describe('sniffType', () => {
  it.each([
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest'), 'image/png'],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    ['a GIF', bytes('GIF89a....'), 'image/gif'],
    ['a WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['a PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['an iPhone photo', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]), 'image/heic'],
    ['a Windows program', bytes('MZ', [0x90, 0]), 'application/x-msdownload'],
    ['a shell script', bytes('#!/bin/sh\nrm -rf /\n'), 'application/x-sh'],
  ])('knows %s by its bytes, whatever is claimed', (_, content, type) => {
    expect(sniffType(content, 'image/jpeg')).toBe(type);
  });

  it('keeps an office type claimed for a zip or OLE file, and says zip for any other zip', () => {
    const zip = bytes([0x50, 0x4b, 0x03, 0x04], 'content');
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(sniffType(zip, docx)).toBe(docx);
    expect(sniffType(zip, 'image/png')).toBe('application/zip');
    const ole = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(sniffType(ole, 'application/msword')).toBe('application/msword');
    expect(sniffType(ole, 'text/html')).toBe('application/x-ole-storage');
  });

  it('takes readable UTF-8 for plain text, never for HTML or anything a browser would run', () => {
    expect(sniffType(Buffer.from('Gatan är mörk, lampan är trasig.\n'), 'text/html')).toBe(
      'text/plain',
    );
    expect(sniffType(Buffer.from('namn;adress\nÅsa;Storgatan 4\n'), 'text/csv')).toBe('text/csv');
    expect(sniffType(Buffer.from('<script>alert(1)</script>'), 'image/png')).toBe('text/plain');
  });

  it('says application/octet-stream for bytes it does not know', () => {
    expect(sniffType(bytes([0x00, 0x01, 0x02, 0xfe]), 'application/pdf')).toBe(
      'application/octet-stream',
    );
    expect(sniffType(Buffer.alloc(0), 'text/plain')).toBe('application/octet-stream');
  });
});
