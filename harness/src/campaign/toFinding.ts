import type { SourceIndex } from '../compile/SourceIndex.js';
import type { FuzzCall } from '../fuzz/FuzzCall.js';
import type { Finding } from '../report/types.js';
import type { RawFinding } from './CampaignResult.js';
import { replayCounterexample } from './replayCounterexample.js';
import { solidityLocationOf } from './solidityLocationOf.js';
import type { SpecSession } from './SpecSession.js';
import { toCallRecord } from './toCallRecord.js';
import type { ReportContext } from './toSpecResult.js';

/**
 * A campaign finding as the report holds it. Replayed (`replay` true), every call carries its
 * real result and the invariants' values after it, and a counterexample that does not replay
 * throws: it can never be reported as one.
 * With `replay` false (a check broke the campaign, and may break a replay the same way) the
 * counterexamples are reported as the campaign ran them, without per-call results.
 */
export async function toFinding(session: SpecSession, index: SourceIndex, f: RawFinding, ctx: ReportContext, replay: boolean): Promise<Finding> {
  const asRun = (calls: readonly FuzzCall[]) => ({ calls: calls.map((c) => toCallRecord(c)) });
  const v = f.violation;
  const solidityLocation = solidityLocationOf(session, index, v, f.shrunk.at(-1));
  return {
    id: v.id,
    spec: session.name,
    kind: v.kind,
    name: v.name,
    message: v.message,
    ...(v.location ? { location: v.location } : {}),
    seed: String(ctx.seed),
    run: f.run,
    original: replay ? await replayCounterexample(session, f.original, v.id) : asRun(f.original),
    shrunk: replay ? await replayCounterexample(session, f.shrunk, v.id) : asRun(f.shrunk),
    shrink: f.shrink,
    replayCommand: `npx vigil replay ${ctx.reportPath} --finding '${v.id}'`,
    firstFoundMs: f.firstFoundMs,
    ...(f.replayedFromCorpus ? { replayedFromCorpus: true } : {}),
    ...(solidityLocation !== undefined ? { solidityLocation } : {}),
  };
}
