import { mentionPattern } from './inbound-mentions';

const finds = (identifiers: string[], text: string) =>
  new RegExp(mentionPattern(identifiers)!, 'i').test(text);

describe('mentionPattern', () => {
  it('finds an address in a web-form item and in mail headers, whatever its case', () => {
    expect(finds(['anna@example.se'], '{"email":"Anna@Example.SE","name":"Anna"}')).toBe(true);
    expect(finds(['anna@example.se'], 'From: Anna <anna@example.se>\r\n')).toBe(true);
    expect(finds(['anna@example.se'], 'mailto:anna@example.se')).toBe(true);
    expect(finds(['anna@example.se'], 'Skriv till anna@example.se.')).toBe(true);
  });

  it('does not take a longer address or domain for the person’s', () => {
    expect(finds(['anna@example.se'], '{"email":"hanna@example.se"}')).toBe(false);
    expect(finds(['anna@example.se'], 'jo.anna@example.se')).toBe(false);
    expect(finds(['anna@example.se'], 'anna@example.se.com')).toBe(false);
    expect(finds(['anna@example.se'], 'anna@example.sex')).toBe(false);
  });

  it('finds a channel id only as a whole number', () => {
    expect(finds(['7100000000000001'], '{"sender":{"id":"7100000000000001"}}')).toBe(true);
    expect(finds(['7100000000000001'], '{"id":"97100000000000001"}')).toBe(false);
    expect(finds(['7100000000000001'], '{"id":"71000000000000012"}')).toBe(false);
  });

  it('reads identifiers literally, not as patterns', () => {
    expect(finds(['a.b+c@example.se'], 'a.b+c@example.se')).toBe(true);
    expect(finds(['a.b+c@example.se'], 'aXb+c@example.se')).toBe(false);
    expect(finds(['a.b+c@example.se'], 'a.bbc@example.se')).toBe(false);
  });

  it('finds any of several identifiers, and has nothing to look for without one', () => {
    expect(finds(['anna@example.se', '7100000000000001'], '"id":"7100000000000001"')).toBe(true);
    expect(mentionPattern([])).toBeNull();
    expect(mentionPattern(['  ', ''])).toBeNull();
  });
});
