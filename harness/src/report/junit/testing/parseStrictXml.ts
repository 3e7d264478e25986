/**
 * A small, strict XML 1.0 parser for tests of the JUnit writer (the project has no XML parser and
 * takes no new dependency for one). It accepts the subset a writer should emit, and rejects what a
 * real parser rejects: characters XML forbids (also as references), unknown entities, bare `<` or
 * `&`, `]]>` in text, unquoted or repeated attributes, mismatched tags, content after the root.
 */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** The element's own character data, references resolved. */
  text: string;
}

const CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]$/u;
const NAME = /^[A-Za-z_:\u00C0-\uFFFD][-A-Za-z0-9_.:\u00B7\u00C0-\uFFFD]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseStrictXml(xml: string): XmlNode {
  for (const ch of xml) if (!CHAR.test(ch)) fail(xml.indexOf(ch), `character U+${ch.codePointAt(0)!.toString(16).toUpperCase()} is not allowed in XML 1.0`);
  const p = { s: xml, i: 0 };
  if (p.s.startsWith('<?xml')) {
    const end = p.s.indexOf('?>');
    if (end < 0 || !/^<\?xml version="1\.0"( encoding="UTF-8")?\?>$/.test(p.s.slice(0, end + 2))) fail(0, 'bad XML declaration');
    p.i = end + 2;
  }
  skipMisc(p);
  const root = element(p);
  skipMisc(p);
  if (p.i !== p.s.length) fail(p.i, 'content after the root element');
  return root;
}

function fail(at: number, why: string): never {
  throw new Error(`XML error at offset ${at}: ${why}`);
}

type Cursor = { s: string; i: number };

function skipMisc(p: Cursor): void {
  for (;;) {
    while (/[ \t\r\n]/.test(p.s[p.i] ?? '')) p.i++;
    if (!p.s.startsWith('<!--', p.i)) return;
    comment(p);
  }
}

function comment(p: Cursor): void {
  const end = p.s.indexOf('-->', p.i + 4);
  if (end < 0 || p.s.slice(p.i + 4, end).includes('--')) fail(p.i, 'bad comment');
  p.i = end + 3;
}

function name(p: Cursor): string {
  const m = NAME.exec(p.s.slice(p.i));
  if (!m) fail(p.i, 'expected a name');
  p.i += m[0].length;
  return m[0];
}

function element(p: Cursor): XmlNode {
  if (p.s[p.i] !== '<') fail(p.i, 'expected an element');
  p.i++;
  const node: XmlNode = { name: name(p), attributes: {}, children: [], text: '' };
  for (;;) {
    const spaced = /[ \t\r\n]/.test(p.s[p.i] ?? '');
    while (/[ \t\r\n]/.test(p.s[p.i] ?? '')) p.i++;
    if (p.s.startsWith('/>', p.i)) {
      p.i += 2;
      return node;
    }
    if (p.s[p.i] === '>') {
      p.i++;
      break;
    }
    if (!spaced) fail(p.i, 'attributes must be separated by whitespace');
    const key = name(p);
    if (key in node.attributes) fail(p.i, `attribute ${key} given twice`);
    if (p.s[p.i++] !== '=') fail(p.i - 1, `expected = after ${key}`);
    const quote = p.s[p.i++];
    if (quote !== '"' && quote !== "'") fail(p.i - 1, `attribute ${key} is not quoted`);
    const end = p.s.indexOf(quote, p.i);
    if (end < 0) fail(p.i, 'unterminated attribute');
    const raw = p.s.slice(p.i, end);
    if (raw.includes('<')) fail(p.i, `'<' in attribute ${key}`);
    // Attribute-value normalization: literal whitespace becomes a space; references keep their character.
    node.attributes[key] = resolve(raw.replace(/[\t\n\r]/g, ' '), p.i);
    p.i = end + 1;
  }
  content(p, node);
  return node;
}

function content(p: Cursor, node: XmlNode): void {
  for (;;) {
    const lt = p.s.indexOf('<', p.i);
    if (lt < 0) fail(p.i, `element ${node.name} is not closed`);
    const data = p.s.slice(p.i, lt);
    if (data.includes(']]>')) fail(p.i, "']]>' in character data");
    node.text += resolve(data, p.i);
    p.i = lt;
    if (p.s.startsWith('</', p.i)) {
      p.i += 2;
      const closing = name(p);
      if (closing !== node.name) fail(p.i, `</${closing}> closes <${node.name}>`);
      while (/[ \t\r\n]/.test(p.s[p.i] ?? '')) p.i++;
      if (p.s[p.i++] !== '>') fail(p.i - 1, 'expected >');
      return;
    }
    if (p.s.startsWith('<!--', p.i)) comment(p);
    else if (p.s.startsWith('<![CDATA[', p.i)) {
      const end = p.s.indexOf(']]>', p.i);
      if (end < 0) fail(p.i, 'unterminated CDATA');
      node.text += p.s.slice(p.i + 9, end);
      p.i = end + 3;
    } else node.children.push(element(p));
  }
}

/** Resolves references; a bare `&`, an unknown entity or a reference to a forbidden character is an error. */
function resolve(raw: string, at: number): string {
  return raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) fail(at, `bare '&' in ${JSON.stringify(raw)}`);
    const code = /^#x[0-9A-Fa-f]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : undefined;
    if (code === undefined) {
      const entity = ENTITIES[ref];
      if (entity === undefined) fail(at, `unknown entity &${ref};`);
      return entity;
    }
    const ch = code <= 0x10ffff ? String.fromCodePoint(code) : '';
    if (!CHAR.test(ch)) fail(at, `&${ref}; refers to a character XML 1.0 forbids`);
    return ch;
  });
}
