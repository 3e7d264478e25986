/** The element id of a spec's section; by position, as spec names need not be valid or unique ids. */
export function specAnchor(index: number): string {
  return `spec-${index + 1}`;
}
