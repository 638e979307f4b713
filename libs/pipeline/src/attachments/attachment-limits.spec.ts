import { admit } from './attachment-limits';

const limits = {
  maxFileBytes: 10,
  maxMessageBytes: 25,
  refusedTypes: ['application/x-msdownload'],
  privateNetworksAllowed: [],
};

describe('attachment limits', () => {
  it('stores a file within both limits', () => {
    expect(admit({ size: 10, sniffedType: 'image/png' }, 15, limits)).toEqual({ admit: true });
  });

  it('leaves out a file larger than the per-file limit', () => {
    expect(admit({ size: 11, sniffedType: 'image/png' }, 0, limits)).toEqual({
      admit: false,
      reason: 'file-too-large',
    });
  });

  it('leaves out a file that would take the message past its limit', () => {
    expect(admit({ size: 10, sniffedType: 'application/pdf' }, 16, limits)).toEqual({
      admit: false,
      reason: 'message-too-large',
    });
  });

  it('leaves out a refused type, whatever its size', () => {
    expect(admit({ size: 1, sniffedType: 'Application/X-MSDownload' }, 0, limits)).toEqual({
      admit: false,
      reason: 'type-refused',
    });
  });
});
