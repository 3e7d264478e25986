import { escapeXmlAttribute, escapeXmlText } from './escapeXml.js';

export type XmlAttributes = Record<string, string | number | undefined>;

/** One element, indented two spaces per level; undefined attributes are left out, text is escaped. */
export function xmlElement(depth: number, name: string, attributes: XmlAttributes, content?: { text?: string; children?: string[] }): string {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(attributes)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`)
    .join('');
  if (content?.text !== undefined) return `${pad}<${name}${attrs}>${escapeXmlText(content.text)}</${name}>`;
  if (content?.children !== undefined && content.children.length > 0) {
    return `${pad}<${name}${attrs}>\n${content.children.join('\n')}\n${pad}</${name}>`;
  }
  return `${pad}<${name}${attrs}/>`;
}
