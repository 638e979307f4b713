import { servingMessage } from './serving-message';

describe('servingMessage', () => {
  it('names localhost and the port when PUBLIC_URL is left at its default', () => {
    expect(servingMessage({ publicUrl: 'http://localhost:3000', port: 4100 })).toBe(
      'Svara is serving http://localhost:4100 (API /api/v1, docs /api/docs)',
    );
  });

  it('names PUBLIC_URL when it is set', () => {
    expect(servingMessage({ publicUrl: 'https://svara.kommun.se', port: 3000 })).toBe(
      'Svara is serving https://svara.kommun.se (API /api/v1, docs /api/docs)',
    );
  });
});
