import { sendApiTypeOf } from '../meta/meta.adapter';
import { instagramFileRefusal } from './instagram.adapter';

const MB = 1024 * 1024;

describe('instagramFileRefusal', () => {
  it('takes images up to 8 MB and PDFs up to 25 MB', () => {
    expect(instagramFileRefusal({ contentType: 'image/jpeg', size: 8 * MB })).toBeNull();
    expect(instagramFileRefusal({ contentType: 'application/pdf', size: 25 * MB })).toBeNull();
    expect(instagramFileRefusal({ contentType: 'image/png', size: 8 * MB + 1 })).toBe(
      'Instagram takes such files of at most 8 MB',
    );
  });

  it('names the type Instagram does not send', () => {
    expect(
      instagramFileRefusal({
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        size: 10_000,
      }),
    ).toBe(
      'Instagram sends only images (PNG, JPEG, GIF), video, audio and PDF files, not application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });
});

describe('sendApiTypeOf', () => {
  it('sends images, video and audio as such, and anything else as a file', () => {
    expect(
      ['image/png', 'video/mp4', 'audio/aac', 'application/pdf', 'text/plain'].map(sendApiTypeOf),
    ).toEqual(['image', 'video', 'audio', 'file', 'file']);
  });
});
