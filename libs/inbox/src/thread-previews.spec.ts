import { snippetOf } from './thread-previews';
import { slaPausedOf } from './thread.view';

describe('snippetOf', () => {
  it('collapses whitespace into one line and masks identity numbers', () => {
    expect(snippetOf('Hej!\n\n  Mitt personnummer är 19811218-9876.\tTack')).toBe(
      'Hej! Mitt personnummer är [identity number]. Tack',
    );
  });

  it('cuts at 160 characters with an ellipsis, after masking', () => {
    const long = `${'ord '.repeat(38)}19811218-9876 ${'mer '.repeat(20)}`;
    const snippet = snippetOf(long)!;
    expect(snippet).toHaveLength(160);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).not.toMatch(/\d{4}/);
  });

  it('has nothing to show for an empty or anonymized text', () => {
    expect(snippetOf('')).toBeNull();
    expect(snippetOf('  \n ')).toBeNull();
    expect(snippetOf(null)).toBeNull();
  });
});

describe('slaPausedOf', () => {
  it('is true while a clock has an open pause', () => {
    const started = '2026-12-01T08:00:00Z';
    expect(
      slaPausedOf({
        answered: false,
        clocks: { firstResponse: { startedAt: started, pauses: [{ from: started }] } },
      }),
    ).toBe(true);
    expect(
      slaPausedOf({
        answered: false,
        clocks: {
          firstResponse: { startedAt: started, pauses: [{ from: started, to: started }] },
        },
      }),
    ).toBe(false);
    expect(slaPausedOf(null)).toBe(false);
  });
});
