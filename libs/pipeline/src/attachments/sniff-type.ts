// What a file's bytes show it is, from their first bytes. The type a sender
// claims is never trusted for serving: a "photo.png" that is an HTML page
// must not reach a browser as anything it would run.

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, index) => bytes[offset + index] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const OOXML_AND_ODF = /^application\/vnd\.(openxmlformats-officedocument\.|oasis\.opendocument\.)/;
const OLE_OFFICE = new Set([
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.ms-outlook',
]);
const TEXT_TYPES = new Set(['text/plain', 'text/csv', 'text/calendar', 'text/vcard']);

const SIGNATURES: { type: string; signature: number[]; offset?: number }[] = [
  { type: 'image/png', signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', signature: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', signature: ascii('GIF87a') },
  { type: 'image/gif', signature: ascii('GIF89a') },
  { type: 'image/bmp', signature: ascii('BM') },
  { type: 'image/tiff', signature: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'image/tiff', signature: [0x4d, 0x4d, 0x00, 0x2a] },
  { type: 'application/pdf', signature: ascii('%PDF-') },
  { type: 'application/rtf', signature: ascii('{\\rtf') },
  { type: 'application/gzip', signature: [0x1f, 0x8b] },
  { type: 'application/x-7z-compressed', signature: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { type: 'audio/ogg', signature: ascii('OggS') },
  { type: 'audio/mpeg', signature: ascii('ID3') },
  { type: 'application/x-msdownload', signature: ascii('MZ') },
  { type: 'application/x-elf', signature: [0x7f, 0x45, 0x4c, 0x46] },
  { type: 'application/x-mach-binary', signature: [0xcf, 0xfa, 0xed, 0xfe] },
  { type: 'application/x-sh', signature: ascii('#!') },
];

/** ISO base media files (MP4, HEIC, M4A) by their `ftyp` brand. */
function isoMediaType(bytes: Uint8Array): string | undefined {
  if (!startsWith(bytes, ascii('ftyp'), 4)) return undefined;
  const brand = String.fromCharCode(...bytes.subarray(8, 12));
  if (['heic', 'heix', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
  if (brand === 'avif') return 'image/avif';
  if (brand.startsWith('M4A')) return 'audio/mp4';
  if (brand.startsWith('qt')) return 'video/quicktime';
  return 'video/mp4';
}

function riffType(bytes: Uint8Array): string | undefined {
  if (!startsWith(bytes, ascii('RIFF'))) return undefined;
  if (startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('WAVE'), 8)) return 'audio/wav';
  if (startsWith(bytes, ascii('AVI '), 8)) return 'video/x-msvideo';
  return undefined;
}

/** Text a person would read: valid UTF-8 without control characters but tab and line breaks. */
function isPlainText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  for (const byte of sample) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20) || byte === 0x7f) return false;
  }
  try {
    // A multi-byte character cut at the sample's end is still text.
    new TextDecoder('utf-8', { fatal: true }).decode(
      sample.length < bytes.length ? sample.subarray(0, sample.length - 3) : sample,
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * The file's type as its bytes show it. Containers whose kind only the name
 * tells (a .docx is a zip, a .doc an OLE file, a .csv text) keep the claimed
 * type when the bytes fit it. Anything unrecognised is application/octet-stream.
 */
export function sniffType(bytes: Uint8Array, claimedType: string): string {
  const claimed = claimedType.toLowerCase().split(';')[0]!.trim();
  const signed = SIGNATURES.find(({ signature, offset }) => startsWith(bytes, signature, offset));
  if (signed) return signed.type;
  const media = isoMediaType(bytes) ?? riffType(bytes);
  if (media) return media;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return OOXML_AND_ODF.test(claimed) ? claimed : 'application/zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return OLE_OFFICE.has(claimed) ? claimed : 'application/x-ole-storage';
  if (startsWith(bytes, [0xff, 0xfb]) || startsWith(bytes, [0xff, 0xf3])) return 'audio/mpeg';
  if (bytes.length > 0 && isPlainText(bytes))
    return TEXT_TYPES.has(claimed) ? claimed : 'text/plain';
  return 'application/octet-stream';
}

/** Types a browser may show inline: raster images it decodes without running anything. */
export const INLINE_IMAGE_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
]);
