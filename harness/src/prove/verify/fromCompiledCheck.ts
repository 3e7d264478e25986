import type { TargetFunction } from '../../fuzz/TargetFunction.js';
import type { CheckIR } from '../spec/CheckIR.js';
import { evaluateCheck } from '../spec/evaluateCheck.js';
import type { VerifyCheck } from './types.js';

/**
 * A check compiled from the spec as the procedures take it. A state where evaluating it
 * would throw counts as not holding (the fuzzer would stop there with an error, which a
 * replay then shows: such a model never becomes a counterexample).
 */
export function fromCompiledCheck(ir: CheckIR, viewSender: bigint, appliesTo?: (target: TargetFunction) => boolean): VerifyCheck {
  return {
    kind: ir.kind,
    name: ir.name,
    ...(appliesTo !== undefined ? { appliesTo } : {}),
    async evaluate(env) {
      const contracts = new Map([...env.contracts].map(([k, c]) => [k, { address: BigInt(c.address), abi: c.abi }]));
      const v = await evaluateCheck(ir, {
        ctx: env.ctx, sevm: env.sevm, state: env.state, contracts, actors: env.actors.map((a) => BigInt(a)), viewSender, tx: env.tx,
        ...(env.pre ? { pre: env.pre } : {}),
        ...(env.call ? { call: env.call } : {}),
      });
      return { holds: v.holds, ...(v.unknown !== undefined ? { unknown: v.unknown } : {}) };
    },
  };
}
