import type { FindingKind, Report, SpecResult } from '../types.js';
import type { SarifLevel, SarifRule } from './SarifLog.js';
import { sarifRuleId } from './sarifRuleId.js';

export interface SarifRules {
  rules: SarifRule[];
  /** Rule id → its index in `rules`, for `ruleIndex`. */
  index: Map<string, number>;
}

const meaning: Record<FindingKind, (name: string, file: string) => string> = {
  invariant: (name, file) => `The invariant ${name} (${file}) must hold on every state that a sequence of calls to the targets reaches.`,
  property: (name, file) => `The property ${name} (${file}) must hold across every call: it relates the state before the call to the state after it.`,
  assertion: (name) => `The Solidity assertion at ${name} must never fail (assert, Panic(0x01), or an assertion-failure event of a test contract).`,
};

/** Every check a spec broke carries the error level; the level of a single result may be lower (proof verdicts). */
const ruleLevel: Record<FindingKind, SarifLevel> = { invariant: 'error', property: 'error', assertion: 'error' };

/**
 * One rule per invariant, property and assertion site of each spec: its checks (broken or not, so
 * the rule list is the catalogue of what was checked), its findings and its proof obligations.
 */
export function sarifRules(report: Report): SarifRules {
  const rules: SarifRule[] = [];
  const index = new Map<string, number>();
  for (const spec of report.specs) {
    const entries: { kind: FindingKind; name: string }[] = [...spec.checks, ...spec.findings, ...(spec.proofs ?? [])];
    for (const { kind, name } of entries) {
      const id = sarifRuleId(spec.name, kind, name);
      if (index.has(id)) continue;
      index.set(id, rules.length);
      rules.push(rule(id, kind, name, spec));
    }
  }
  return { rules, index };
}

function rule(id: string, kind: FindingKind, name: string, spec: SpecResult): SarifRule {
  const replays = spec.findings.filter((f) => f.kind === kind && f.name === name).map((f) => f.replayCommand);
  const how = replays.length > 0
    ? { text: 'Replay the shrunk counterexample with a decoded trace:', commands: replays }
    : { text: 'Check it again:', commands: [`npx vigil run ${spec.file}`] };
  const full = meaning[kind](name, spec.file);
  return {
    id,
    name: `${spec.name}/${kind}/${name}`,
    shortDescription: { text: `${spec.name}: ${kind} ${name}` },
    fullDescription: { text: full },
    help: {
      text: `${full}\n${how.text}\n${how.commands.map((c) => `  ${c}`).join('\n')}`,
      markdown: `${full}\n\n${how.text}\n\n${how.commands.map((c) => `\`\`\`sh\n${c}\n\`\`\``).join('\n\n')}`,
    },
    defaultConfiguration: { level: ruleLevel[kind] },
    // A finding is a concrete, replayable counterexample: no false positives by construction.
    properties: { tags: ['vigil', kind], precision: 'very-high', kind, spec: spec.name },
  };
}
