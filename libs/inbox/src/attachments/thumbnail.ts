import sharp from 'sharp';

/** The longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 320;

/** Images larger than this many pixels are not decoded (a small file can claim a huge canvas). */
const MAX_INPUT_PIXELS = 50_000_000;

/** A WebP of the image's first frame, fitting in THUMBNAIL_SIZE², turned as its EXIF says. */
export async function thumbnailOf(image: Buffer): Promise<Buffer> {
  return sharp(image, { limitInputPixels: MAX_INPUT_PIXELS, pages: 1 })
    .rotate()
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
}
