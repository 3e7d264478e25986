/** One rule per check of a spec (and per assertion site), the same in every run of it. */
export function sarifRuleId(spec: string, kind: string, name: string): string {
  return `vigil/${spec}/${kind}/${name}`;
}
