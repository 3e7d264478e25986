import { formatCallSequence } from '../formatCallSequence.js';
import type { Finding, ProofRecord, SpecResult } from '../types.js';
import { fingerprint } from './fingerprint.js';
import type { SarifLocation, SarifResult } from './SarifLog.js';
import { sarifLocation } from './sarifLocation.js';

/**
 * A finding as a result. Its location is where code scanning should point a reviewer: the failing
 * assertion or the function of the last call in the Solidity, else the check in the spec, else
 * the spec file. The message carries the shrunk counterexample, one line per call.
 */
export function findingResult(f: Finding, spec: SpecResult, ruleId: string, ruleIndex: number, proof?: ProofRecord): SarifResult {
  const [first = '', ...rest] = f.message.split('\n');
  const shrunk = f.shrunk.calls.length;
  const lines = [
    `${f.kind} ${f.name} failed: ${first}`,
    ...rest,
    `Counterexample (seed ${f.seed}, run ${f.run}; ${f.original.calls.length} calls shrunk to ${shrunk}):`,
    ...formatCallSequence(f.shrunk.calls),
    `Replay: ${f.replayCommand}`,
  ];
  const related = relatedLocations(f);
  return {
    ruleId,
    ruleIndex,
    level: 'error',
    message: { text: lines.join('\n') },
    locations: [primaryLocation(f, spec)],
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    partialFingerprints: { 'vigilFindingId/v1': fingerprint(f.id) },
    properties: {
      findingId: f.id,
      seed: f.seed,
      run: f.run,
      originalCalls: f.original.calls.length,
      shrunkCalls: shrunk,
      shrink: f.shrink.status,
      replayCommand: f.replayCommand,
      ...(f.replayedFromCorpus === true ? { replayedFromCorpus: true } : {}),
      ...(proof ? { verdict: proof.verdict } : {}),
    },
  };
}

function primaryLocation(f: Finding, spec: SpecResult): SarifLocation {
  const sol = f.solidityLocation;
  if (sol) {
    const qualified = sol.function === undefined ? sol.contract : `${sol.contract}.${sol.function}`;
    return {
      ...sarifLocation(sol.file, sol),
      logicalLocations: [{ ...(sol.function !== undefined ? { name: sol.function } : {}), fullyQualifiedName: qualified, kind: sol.function === undefined ? 'type' : 'function' }],
    };
  }
  if (f.location) return sarifLocation(f.location.file, f.location);
  return sarifLocation(spec.file);
}

/** The check in the spec, when the primary location is in the Solidity. */
function relatedLocations(f: Finding): SarifLocation[] {
  if (!f.solidityLocation || !f.location || f.kind === 'assertion') return [];
  return [{ id: 1, ...sarifLocation(f.location.file, f.location), message: { text: `${f.kind} ${f.name} in the spec` } }];
}
