import type { Spec } from './types.js';

const KINDS = ['rate-limit', 'parameter', 'freeze', 'close-function', 'pause-asset', 'pause-contract', 'global'];

/** Shape problems of a spec's `levers` and `scenarios` (functions are checked against the ABIs when levers are catalogued). */
export function validateLevers(spec: Spec, at: (needle: string) => string): string[] {
  const problems: string[] = [];
  const keys = new Set(Object.keys(spec.contracts ?? {}));
  const problem = (path: string, what: string, needle: string) => problems.push(`${path}: ${what} (at ${at(needle)})`);
  const checkCall = (path: string, call: unknown, args: unknown, needle: string) => {
    if (typeof call !== 'string' || !/^[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*$/.test(call)) {
      problem(`${path}.call`, `must be 'contract.function', got ${JSON.stringify(call)}`, needle);
    } else if (!keys.has(call.split('.')[0]!)) {
      problem(`${path}.call`, `names no contract of the spec: "${call.split('.')[0]}" (contracts: ${[...keys].join(', ')})`, needle);
    }
    if (args !== undefined && !Array.isArray(args)) problem(`${path}.args`, 'must be an array of arguments', needle);
  };
  for (const [name, lever] of Object.entries(spec.levers ?? {})) {
    if (lever === null || typeof lever !== 'object') {
      problem(`levers.${name}`, "must be { call: 'contract.function', kind, args?, undo? }", name);
      continue;
    }
    checkCall(`levers.${name}`, lever.call, lever.args, name);
    if (!KINDS.includes(lever.kind)) problem(`levers.${name}.kind`, `must be one of ${KINDS.join(', ')}, got ${JSON.stringify(lever.kind)}`, name);
    const undo = lever.undo;
    if (undo !== undefined) {
      if (typeof undo === 'string') checkCall(`levers.${name}.undo`, undo, undefined, name);
      else if (undo !== null && typeof undo === 'object') checkCall(`levers.${name}.undo`, undo.call, undo.args, name);
      else problem(`levers.${name}.undo`, "must be 'contract.function' or { call, args }", name);
    }
    if (lever.from !== undefined && !/^0x[0-9a-fA-F]{40}$/.test(String(lever.from))) problem(`levers.${name}.from`, 'must be an address (0x + 40 hex digits)', name);
  }
  for (const [name, steps] of Object.entries(spec.scenarios ?? {})) {
    if (!Array.isArray(steps) || steps.length === 0) {
      problem(`scenarios.${name}`, 'must be a non-empty list of { call, args?, from }', name);
      continue;
    }
    steps.forEach((step, i) => {
      if (step === null || typeof step !== 'object') return problem(`scenarios.${name}[${i}]`, 'must be { call, args?, from }', name);
      checkCall(`scenarios.${name}[${i}]`, step.call, step.args, name);
      if (!/^0x[0-9a-fA-F]{40}$/.test(String(step.from))) problem(`scenarios.${name}[${i}].from`, 'must be the sender address (0x + 40 hex digits)', name);
    });
  }
  return problems;
}
