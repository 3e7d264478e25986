/**
 * Digits grouped by thousands with commas, the same on every machine (toLocaleString follows the
 * host's locale, which would make two renders of one report differ). Accepts decimal strings of
 * any size, as the report keeps gas and amounts as strings.
 */
export function formatCount(value: number | string): string {
  const text = String(value);
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) return text;
  const [, sign, digits, fraction] = match;
  return `${sign}${digits!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ?? ''}`;
}
