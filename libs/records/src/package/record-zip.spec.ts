import { createHash } from 'node:crypto';
import { unzip } from '../../../../test/support/zip';
import { type PackageFile, sha256Sums, zipFiles } from './record-zip';

describe('package files', () => {
  const files: PackageFile[] = [
    { name: 'record.json', data: Buffer.from('{"text":"blåbærsyltetøy"}'), compress: true },
    { name: 'record.pdf', data: Buffer.from('%PDF-1.3 stand-in'), compress: false },
  ];

  it('writes SHA256SUMS as sha256sum -c reads it', () => {
    const sums = sha256Sums(files).toString();
    const expected = files
      .map((file) => `${createHash('sha256').update(file.data).digest('hex')}  ${file.name}\n`)
      .join('');
    expect(sums).toBe(expected);
    expect(sums).toMatch(/^[0-9a-f]{64} {2}record\.json\n[0-9a-f]{64} {2}record\.pdf\n$/);
  });

  it('zips the files unchanged, dated when the package was made', async () => {
    const at = new Date('2026-04-01T08:00:04Z');
    const unzipped = await unzip(await zipFiles(files, at));
    expect([...unzipped.keys()]).toEqual(['record.json', 'record.pdf']);
    for (const file of files) expect(unzipped.get(file.name)!.data.equals(file.data)).toBe(true);
    expect(unzipped.get('record.json')!.mtime.toISOString()).toBe(at.toISOString());
  });
});
