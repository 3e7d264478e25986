import type { RecommendationSummary } from '../report/types.js';
import type { LeverCall, Recommendation } from './types.js';

const display = (c: LeverCall) => `${c.contract}.${c.function}(${c.args.join(', ')})`;

/** The part of a recommendation the run's reports show beside its finding. */
export function toRecommendationSummary(rec: Recommendation, files?: RecommendationSummary['files']): RecommendationSummary {
  const byId = new Map(rec.levers.map((l) => [l.id, l]));
  const chosen = (rec.chosen?.levers ?? []).map((id) => byId.get(id)!);
  const effects = rec.sideEffects.chosen;
  return {
    status: rec.status,
    severity: rec.severity.level,
    urgency: rec.urgency.level,
    levers: chosen.map((l) => ({
      id: l.id,
      kind: l.kind,
      call: display(l.call),
      to: l.call.address,
      calldata: l.call.calldata,
      ...(l.authority.signer ? { signer: l.authority.signer } : {}),
      ...(l.undo ? { undo: display(l.undo.call) } : {}),
    })),
    prevented: rec.evidence.chosenReplays.filter((r) => r.outcome === 'prevented').length,
    replayed: rec.evidence.chosenReplays.length,
    refuzz: { rounds: rec.evidence.refuzz.length, found: rec.evidence.refuzz.reduce((n, r) => n + r.found.length, 0) },
    ...(effects ? { sideEffects: { calls: effects.calls, blockedCalls: effects.blockedCalls, exitsBlocked: effects.exitsBlocked, liquidationsBlocked: effects.liquidationsBlocked } } : {}),
    alternatives: rec.alternatives.map((a) => ({ levers: [...a.levers], weight: a.weight })),
    ...(files ? { files } : {}),
  };
}
