import type { SourceMapper } from '../compile/SourceMapper.js';
import type { DeployedContract } from '../spec/DeployedContract.js';
import type { ExecutedCall } from './ExecutedCall.js';
import type { Violation } from './Violation.js';

export interface AssertionContext {
  specName: string;
  sourceMapper: SourceMapper;
  /** Runtime code objects of the deployed contracts (identity), for locating assertions. */
  codeToContract: ReadonlyMap<Uint8Array, DeployedContract>;
  /** topic0 of every `AssertionFailed(...)` event in the ABIs. */
  assertionTopics: ReadonlySet<string>;
  byAddress: ReadonlyMap<string, DeployedContract>;
}

/**
 * Assertion failures inside a call, in any frame, caught or not: Panic(0x01) located at
 * its Solidity `assert`, `AssertionFailed` events, and failed `vm.assert*` cheatcodes
 * (handler assertions in Foundry suites, which forge would drop with the revert).
 */
export function assertionViolations(executed: ExecutedCall, ctx: AssertionContext): Violation[] {
  const out: Violation[] = [];
  for (const hit of executed.result.assertions) {
    const contract = ctx.codeToContract.get(hit.code);
    let location: { file: string; line: number; column: number; text: string } | undefined;
    if (contract !== undefined) {
      const candidates = [...hit.jumps, hit.pc].map((pc) => ctx.sourceMapper.locate(contract.artifact, pc));
      location = candidates.find((l) => l?.text.startsWith('assert')) ?? candidates.find((l) => l !== undefined);
    }
    const where = location ? `${location.file}:${location.line}` : `${contract?.name ?? 'unknown'}@pc${hit.pc}`;
    out.push({
      id: `${ctx.specName}:assertion:${where}`,
      kind: 'assertion',
      name: where,
      message: `assertion failed${location ? `: ${location.text}` : ''} (Panic(0x01))`,
      location: location ? { file: location.file, line: location.line, column: location.column } : undefined,
    });
  }
  if (executed.result.status === 'success') {
    for (const log of executed.result.logs) {
      if (!ctx.assertionTopics.has(log.topics[0] ?? '')) continue;
      const contract = ctx.byAddress.get(log.address.toLowerCase());
      const where = `${contract?.name ?? log.address}:AssertionFailed`;
      out.push({ id: `${ctx.specName}:assertion:${where}`, kind: 'assertion', name: where, message: 'AssertionFailed event emitted' });
    }
  }
  for (const f of executed.result.cheatFailures ?? []) {
    const contract = ctx.byAddress.get(f.address.toLowerCase());
    const { target } = executed.call;
    const where = `${contract?.name ?? f.address}:vm.${f.cheat} in ${target.contract.name}.${target.fn.name}`;
    out.push({ id: `${ctx.specName}:assertion:${where}`, kind: 'assertion', name: where, message: `${f.message} (vm.${f.cheat})` });
  }
  const seen = new Set<string>();
  return out.filter((v) => !seen.has(v.id) && seen.add(v.id));
}
