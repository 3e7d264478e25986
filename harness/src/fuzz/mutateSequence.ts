import type { Hex } from 'viem';
import type { FuzzCall } from './FuzzCall.js';
import { mutateArgument, type ValueSource } from './mutateArgument.js';

/** What sequence mutations draw from, beyond argument values; CallGenerator is one. */
export interface MutationSource extends ValueSource {
  /** A fresh random call, as a fresh run would draw it. */
  call(): FuzzCall;
  /** A fresh call with each argument that was seen compared set to a value it was compared with. */
  hinted(): FuzzCall;
  sender(): Hex;
  /** Seconds and blocks to advance before a call (often none). */
  delay(): readonly [bigint, bigint];
}

export type SequenceMutation = 'argument' | 'append' | 'splice' | 'insert' | 'repeat' | 'delete' | 'sender' | 'delay';

type Mutate = (calls: readonly FuzzCall[], donor: readonly FuzzCall[], source: MutationSource) => FuzzCall[];

/**
 * Each mutation takes a non-empty sequence and returns a non-empty one, and never changes
 * a call in place (corpus entries share their calls). `donor` is another corpus entry.
 */
export const sequenceMutations: Record<SequenceMutation, Mutate> = {
  /** One argument of one call, within its ABI type (see mutateArgument). */
  argument: (calls, _donor, source) => {
    const i = position(calls.length, source);
    const call = calls[i]!;
    const arity = call.target.fn.inputs.length;
    if (arity === 0) return sequenceMutations.sender(calls, _donor, source);
    return replaceAt(calls, i, mutateArgument(call, source.int(arity - 1), source));
  },
  /** A call built from what comparisons taught (input-to-state for the next step, where a guard waits for a magic value). */
  append: (calls, _donor, source) => [...calls, source.hinted()],
  /** A prefix of this sequence, then a suffix of the donor. */
  splice: (calls, donor, source) => {
    if (donor.length === 0) return sequenceMutations.insert(calls, donor, source);
    const keep = 1 + source.int(calls.length - 1);
    const from = source.int(donor.length - 1);
    return [...calls.slice(0, keep), ...donor.slice(from)];
  },
  /** One to three fresh calls, at the end half the time (what the sequence reached is where to go on from). */
  insert: (calls, _donor, source) => {
    const at = source.int(1) === 0 ? calls.length : source.int(calls.length);
    const fresh = Array.from({ length: 1 + source.int(2) }, () => source.call());
    return [...calls.slice(0, at), ...fresh, ...calls.slice(at)];
  },
  /** A call or a run of up to four calls, done once to three times more right after itself (counters, loops, reentrancy-like ordering). */
  repeat: (calls, _donor, source) => {
    const at = position(calls.length, source);
    const run = calls.slice(at, at + 1 + source.int(Math.min(3, calls.length - 1 - at)));
    const copies = Array.from({ length: 1 + source.int(2) }, () => run).flat();
    return [...calls.slice(0, at + run.length), ...copies, ...calls.slice(at + run.length)];
  },
  /** One to four consecutive calls removed, never all of them. */
  delete: (calls, _donor, source) => {
    if (calls.length <= 1) return [...calls];
    const at = source.int(calls.length - 1);
    const count = 1 + source.int(Math.min(3, calls.length - 1 - at, calls.length - 2));
    return [...calls.slice(0, at), ...calls.slice(at + count)];
  },
  sender: (calls, _donor, source) => {
    const i = position(calls.length, source);
    return replaceAt(calls, i, { ...calls[i]!, sender: source.sender() });
  },
  /** The time and block jump before one call. */
  delay: (calls, _donor, source) => {
    const i = position(calls.length, source);
    const [timeDelta, blockDelta] = source.delay();
    return replaceAt(calls, i, { ...calls[i]!, timeDelta, blockDelta });
  },
};

/** Argument changes dominate: most guards are on values, and the last call is the one that just reached something. */
const WEIGHTS: readonly (readonly [SequenceMutation, number])[] = [
  ['argument', 6],
  ['append', 2],
  ['splice', 2],
  ['insert', 2],
  ['repeat', 2],
  ['delete', 1],
  ['sender', 1],
  ['delay', 1],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((s, [, w]) => s + w, 0);

/**
 * A mutant of a corpus sequence: one to four mutations stacked (AFL's havoc stage, fewer more often), cut to
 * `maxLength` calls. Deterministic in the source's random stream: the same seed gives the same mutant.
 */
export function mutateSequence(calls: readonly FuzzCall[], donor: readonly FuzzCall[], source: MutationSource, maxLength: number): FuzzCall[] {
  let out: FuzzCall[] = [...calls];
  if (out.length === 0) out.push(source.call());
  // One mutation half the time, two a quarter, and so on up to four: small steps mostly.
  let rounds = 1;
  while (rounds < 4 && source.int(1) === 0) rounds++;
  for (let k = 0; k < rounds; k++) out = sequenceMutations[pickMutation(source)](out, donor, source);
  return out.slice(0, Math.max(1, maxLength));
}

function pickMutation(source: MutationSource): SequenceMutation {
  let r = source.int(TOTAL_WEIGHT - 1);
  for (const [kind, weight] of WEIGHTS) {
    if (r < weight) return kind;
    r -= weight;
  }
  return 'argument';
}

/** Half the time the last call (what reached the new edge), else any. */
function position(length: number, source: MutationSource): number {
  return source.int(1) === 0 ? length - 1 : source.int(length - 1);
}

function replaceAt(calls: readonly FuzzCall[], i: number, call: FuzzCall): FuzzCall[] {
  const out = [...calls];
  out[i] = call;
  return out;
}
