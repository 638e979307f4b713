/**
 * A Content-Disposition value with the file's name (RFC 6266): an ASCII
 * `filename` for old clients and the exact name as UTF-8 in `filename*`
 * (RFC 8187). Quotes, backslashes and control characters never reach the header.
 */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const name = filename.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'attachment';
  const ascii = name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii || 'attachment'}"; filename*=UTF-8''${encoded}`;
}
