import { renumberRejections } from './renumber-rejections';

describe('renumberRejections', () => {
  it('drops the removed items’ rejections and shifts the later ones', () => {
    const rejected = [
      { index: 0, reason: 'a' },
      { index: 2, reason: 'b' },
      { index: 5, reason: 'c' },
    ];
    expect(renumberRejections(rejected, new Set([2, 3]))).toEqual([
      { index: 0, reason: 'a' },
      { index: 3, reason: 'c' },
    ]);
  });

  it('keeps rejections as they are when nothing before them went', () => {
    expect(renumberRejections([{ index: 1, reason: 'a' }], new Set([4]))).toEqual([
      { index: 1, reason: 'a' },
    ]);
    expect(renumberRejections(null, new Set([0]))).toEqual([]);
  });
});
