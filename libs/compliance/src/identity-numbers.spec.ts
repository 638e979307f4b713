import {
  IDENTITY_NUMBER_MASK,
  containsIdentityNumber,
  findIdentityNumbers,
  maskIdentityNumbers,
} from './identity-numbers';

const kinds = (text: string) => findIdentityNumbers(text).map((match) => match.kind);

describe('identity number detection', () => {
  describe('Swedish personnummer and samordningsnummer', () => {
    it.each([
      '811218-9876',
      '8112189876',
      '19811218-9876',
      '198112189876',
      '811218+9876', // over a hundred years old
    ])('finds the personnummer %s', (number) => {
      expect(kinds(`Mitt personnummer är ${number}, tack.`)).toEqual(['SE_PERSONNUMMER']);
    });

    it.each(['701063-2391', '7010632391', '19701063-2391'])(
      'finds the samordningsnummer %s (day + 60)',
      (number) => {
        expect(kinds(`samordningsnr ${number}`)).toEqual(['SE_SAMORDNINGSNUMMER']);
      },
    );

    it.each([
      ['a wrong check digit', '811218-9877'],
      ['a wrong check digit, 12 digits', '19811218-9875'],
      ['month 13', '811318-9870'],
      ['30 February', '810230-9876'],
      ['a samordningsnummer day past 91', '701092-2391'],
      ['an impossible century', '25811218-9876'],
    ])('ignores a number with %s', (_reason, number) => {
      expect(kinds(`nummer ${number}`)).toEqual([]);
    });
  });

  describe('Norwegian fødselsnummer and D-nummer', () => {
    it.each(['01019012480', '15050550106', '230689 45607'])(
      'finds the fødselsnummer %s',
      (number) => {
        expect(kinds(`fødselsnummer ${number}`)).toEqual(['NO_FODSELSNUMMER']);
      },
    );

    it('finds a D-nummer (day + 40)', () => {
      expect(kinds('D-nummer 41019012393')).toEqual(['NO_D_NUMMER']);
    });

    it.each([
      ['a wrong first control digit', '01019012490'],
      ['a wrong second control digit', '01019012481'],
      ['an invalid date', '32019012480'],
    ])('ignores a number with %s', (_reason, number) => {
      expect(kinds(number)).toEqual([]);
    });
  });

  describe('Finnish henkilötunnus', () => {
    it.each(['131052-308T', '010594Y9021', '010106A123Y'])('finds %s', (number) => {
      expect(kinds(`Henkilötunnukseni on ${number}.`)).toEqual(['FI_HENKILOTUNNUS']);
    });

    it.each([
      ['a wrong check character', '131052-308U'],
      ['an unknown century sign', '131052G308T'],
      ['an invalid date', '311152-308T'],
    ])('ignores a number with %s', (_reason, number) => {
      expect(kinds(number)).toEqual([]);
    });
  });

  describe('lookalikes', () => {
    it.each([
      ['a mobile number', 'Ring mig på 070-123 45 67'],
      ['a mobile number without spaces', 'Ring 0701234567'],
      ['an international number', 'Ring +46 8 123 456 78'],
      ['a Norwegian phone number', 'Ring +47 912 34 567'],
      ['an ISO date', 'Mötet 2024-05-06 kl 10'],
      ['a compact date and time', 'Skickat 20240506 1030'],
      ['an order number', 'Order 4711-2020-0815'],
      ['an order number glued to letters', 'ORD8112189876'],
      ['an order number inside a longer number', 'Faktura 978112189876123'],
      ['an IBAN with spaces', 'SE45 5000 0000 0583 9825 7466'],
      ['an IBAN without spaces', 'SE4550000000058398257466'],
      ['a Norwegian account number', 'Konto 1234.56.78903'],
    ])('ignores %s', (_reason, text) => {
      expect(findIdentityNumbers(text)).toEqual([]);
    });
  });

  it('finds several numbers in one text, in order', () => {
    const text = 'Jag 811218-9876 och min sambo 131052-308T';
    expect(findIdentityNumbers(text)).toEqual([
      { kind: 'SE_PERSONNUMMER', start: 4, end: 15 },
      { kind: 'FI_HENKILOTUNNUS', start: 30, end: 41 },
    ]);
    expect(containsIdentityNumber(text)).toBe(true);
    expect(containsIdentityNumber('Soporna hämtades inte')).toBe(false);
    expect(containsIdentityNumber(null)).toBe(false);
  });
});

describe('maskIdentityNumbers', () => {
  it('replaces every number with a mask that keeps none of its digits', () => {
    const masked = maskIdentityNumbers('pnr 19811218-9876, fnr 01019012480, hetu 131052-308T.');
    expect(masked).toBe(
      `pnr ${IDENTITY_NUMBER_MASK}, fnr ${IDENTITY_NUMBER_MASK}, hetu ${IDENTITY_NUMBER_MASK}.`,
    );
    expect(IDENTITY_NUMBER_MASK).not.toMatch(/\d/);
  });

  it('leaves text without numbers, phone numbers included, as it was', () => {
    const text = 'Ring 070-123 45 67 om soporna';
    expect(maskIdentityNumbers(text)).toBe(text);
    expect(maskIdentityNumbers(null)).toBeNull();
  });
});
