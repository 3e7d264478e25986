import { describe, expect, it } from 'vitest';
import { parseStrictXml } from './parseStrictXml.js';

describe('parseStrictXml', () => {
  it('reads elements, attributes, text and references', () => {
    const root = parseStrictXml('<?xml version="1.0" encoding="UTF-8"?>\n<a x="1 &amp; &#10;2" y=\'q\'><b/>t&lt;u&#x41;<!-- c --><c>v</c></a>\n');
    expect(root.name).toBe('a');
    expect(root.attributes).toEqual({ x: '1 & \n2', y: 'q' });
    expect(root.text).toBe('t<uA');
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(root.children[1]!.text).toBe('v');
  });

  it('accepts characters outside the Basic Multilingual Plane', () => {
    expect(parseStrictXml('<a x="\u{1F600}">\u{1F600}</a>').text).toBe('\u{1F600}');
  });

  it('normalizes literal whitespace in attributes to spaces, as XML parsers do', () => {
    expect(parseStrictXml('<a x="1\n2\t3"/>').attributes.x).toBe('1 2 3');
  });

  it.each([
    ['a bare ampersand', '<a>x & y</a>'],
    ['a bare less-than in an attribute', '<a x="<"/>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a forbidden control character', `<a>${String.fromCharCode(1)}</a>`],
    ['a reference to a forbidden character', '<a>&#1;</a>'],
    ['a reference to U+FFFF', '<a>&#xFFFF;</a>'],
    ['a lone surrogate', `<a>${String.fromCharCode(0xd800)}</a>`],
    ['mismatched tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a repeated attribute', '<a x="1" x="2"/>'],
    ['two roots', '<a/><b/>'],
    [']]> in text', '<a>]]></a>'],
    ['attributes without a space', '<a x="1"y="2"/>'],
  ])('rejects %s', (_what, xml) => {
    expect(() => parseStrictXml(xml)).toThrow(/XML error at offset \d+/);
  });
});
