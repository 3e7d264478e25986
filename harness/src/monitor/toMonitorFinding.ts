import type { Finding } from '../report/types.js';
import type { MonitorTarget } from './MonitorTarget.js';
import type { BlockReplay } from './replayBlock.js';

/**
 * A broken invariant as a report finding, so `recommend`, exports and reporters take it as
 * they take a fuzzing finding. Its counterexample is the block's transactions up to the one
 * that broke it, as calls from the fork of the block before (the first call carries the
 * clock and block step), with the invariants after each: replaying it on that fork re-breaks it.
 */
export function toMonitorFinding(target: MonitorTarget, invariant: string, replay: BlockReplay, block: bigint, detectedMs: number): Finding {
  const breaksAt = replay.breaksAt[invariant];
  const calls = breaksAt === undefined ? replay.calls : replay.calls.slice(0, breaksAt + 1);
  const counterexample = { calls, invariantsBefore: replay.invariantsBefore };
  const location = target.checkInfo.get(`invariant:${invariant}`)?.location;
  return {
    id: `${target.name}:invariant:${invariant}`,
    spec: target.name,
    kind: 'invariant',
    name: invariant,
    message: `invariant ${invariant} broken`,
    ...(location ? { location } : {}),
    seed: '0',
    run: Number(block),
    original: counterexample,
    shrunk: counterexample,
    shrink: { attempts: 0, status: 'skipped' },
    replayCommand: `vigil monitor --spec ${target.file} --from-block ${block} (replays block ${block} on a fork of block ${block - 1n})`,
    firstFoundMs: detectedMs,
  };
}
