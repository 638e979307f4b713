import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('gives an ASCII name and the exact UTF-8 name', () => {
    expect(contentDisposition('attachment', 'Ansökan bygglov.pdf')).toBe(
      `attachment; filename="Ansokan bygglov.pdf"; filename*=UTF-8''Ans%C3%B6kan%20bygglov.pdf`,
    );
  });

  it('keeps quotes, backslashes and line breaks out of the header', () => {
    const value = contentDisposition('inline', 'a"b\\c\r\nSet-Cookie: x.png');
    expect(value).toBe(
      `inline; filename="a_b_cSet-Cookie: x.png"; filename*=UTF-8''a%22b%5CcSet-Cookie%3A%20x.png`,
    );
    expect(contentDisposition('attachment', '\u0000')).toBe(
      `attachment; filename="attachment"; filename*=UTF-8''attachment`,
    );
  });
});
