/**
 * The element id of a finding. Built from positions rather than the finding's id, which holds
 * file paths and spec names that are not safe or unique as HTML ids.
 */
export function findingAnchor(specIndex: number, findingIndex: number): string {
  return `finding-${specIndex + 1}-${findingIndex + 1}`;
}
