import { escapeHtml } from './escapeHtml.js';
import { SafeHtml } from './SafeHtml.js';

/** What may be interpolated: strings and numbers are escaped; nothing-ish values render as nothing. */
export type HtmlValue = SafeHtml | string | number | undefined | null | false | readonly HtmlValue[];

/** Template tag that escapes every interpolated value unless it is already `SafeHtml`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += toMarkup(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

function toMarkup(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.text;
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(toMarkup).join('');
  return escapeHtml(String(value));
}
