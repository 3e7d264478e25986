/**
 * Characters XML 1.0 forbids outright, even as character references: C0 controls other than tab,
 * newline and carriage return, U+FFFE / U+FFFF, and unpaired surrogate halves. Revert reasons and
 * spec messages can carry any of them, so they are written as visible `\uXXXX` text instead.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const visible = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Element content. `>` too, so `]]>` can never appear; a carriage return as a reference, or parsers would drop it. */
export function escapeXmlText(s: string): string {
  return s
    .replace(FORBIDDEN, visible)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** A double-quoted attribute value. Whitespace as references, because parsers turn literal tabs and newlines into spaces. */
export function escapeXmlAttribute(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
