import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeXml, removeXmlInvalidChars } from './xml.ts';

describe('removeXmlInvalidChars', () => {
  it('removes C0 controls except tab, LF and CR', () => {
    expect(removeXmlInvalidChars('Shop\u0001 A\u0000\u0008\u000b\u000c\u000e\u001f')).toBe('Shop A');
    expect(removeXmlInvalidChars('a\tb\nc\rd')).toBe('a\tb\nc\rd');
  });

  it('removes lone surrogates and U+FFFE / U+FFFF but keeps valid pairs and other text', () => {
    expect(removeXmlInvalidChars('x\ud800y\udc00z')).toBe('xyz');
    expect(removeXmlInvalidChars('\udc00\ud800')).toBe('');
    expect(removeXmlInvalidChars('😀 ok')).toBe('😀 ok');
    expect(removeXmlInvalidChars('a\ufffeb\uffffc\ufffd')).toBe('abc\ufffd');
    expect(removeXmlInvalidChars('Тверская · شعبه')).toBe('Тверская · شعبه');
  });

  it('leaves only XML 1.0 characters (property)', () => {
    const xmlChar = /^(?:[\t\n\r\u0020-\ud7ff\ue000-\ufffd]|[\ud800-\udbff][\udc00-\udfff])*$/;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(xmlChar.test(removeXmlInvalidChars(s))).toBe(true);
      }),
    );
  });
});

describe('escapeXml', () => {
  it('escapes the five markup characters and drops invalid ones', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
    expect(escapeXml('Shop\u0001 & Co')).toBe('Shop &amp; Co');
  });
});
