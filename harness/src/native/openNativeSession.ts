import { readFileSync } from 'node:fs';
import type { AbiFunction } from 'viem';
import { TestChain } from '../chain/TestChain.js';
import { hardforkFor } from '../chain/hardforkFor.js';
import { compileSources } from '../compile/compileSources.js';
import { assertionContextFor } from '../campaign/assertionContextFor.js';
import { seedDictionary } from '../campaign/seedDictionary.js';
import { definedOnly } from '../config/definedOnly.js';
import { loadFoundryProject } from '../foundry/loadFoundryProject.js';
import type { FoundryProject } from '../foundry/FoundryProject.js';
import type { CampaignSettings } from '../campaign/CampaignSettings.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import type { SourceLocation } from '../report/types.js';
import { deployNativeSuite } from './deployNativeSuite.js';
import { INVARIANT_PREFIXES } from './findSuites.js';
import { NativeChecks, type NativeCheck } from './NativeChecks.js';
import type { SuiteKind, SuiteRef } from './SuiteRef.js';

export interface NativeOpenOptions {
  settings: CampaignSettings;
  /** Flags: they beat foundry.toml and the tools' defaults. */
  overrides?: Partial<CampaignSettings>;
  cacheDir?: string;
  /** Environment for `vm.envOr` and FOUNDRY_* overrides (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/** Each tool's own defaults: forge 256 runs × depth 500; Echidna testLimit 50,000 over seqLen 100. */
const TOOL_DEFAULTS: Record<SuiteKind, Partial<CampaignSettings>> = {
  foundry: { runs: 256, depth: 500 },
  echidna: { runs: 500, depth: 100 },
  medusa: { runs: 500, depth: 100 },
  assertion: { runs: 500, depth: 100 },
};

/** Compiles a project, deploys one suite the way its tool would, and prepares its checks. */
export async function openNativeSession(ref: SuiteRef, options: NativeOpenOptions): Promise<SpecSession & { suite: SuiteRef; project: FoundryProject }> {
  const project = await loadFoundryProject(ref.file, { env: options.env });
  const fromToml: Partial<CampaignSettings> = ref.kind === 'foundry' ? definedOnly({ runs: project.invariant.runs, depth: project.invariant.depth }) : {};
  const settings: CampaignSettings = { ...options.settings, ...TOOL_DEFAULTS[ref.kind], ...fromToml, ...definedOnly(options.overrides ?? {}) };
  const compiled = await compileSources({
    root: project.root,
    files: [ref.file],
    remappings: project.remappings,
    optimizer: project.optimizer,
    evmVersion: project.evmVersion,
    viaIR: project.viaIR,
    solcVersion: project.solcVersion ?? 'auto',
    cacheDir: options.cacheDir,
  });
  const hardfork = hardforkFor(compiled.evmVersion);
  const env = options.env ?? process.env;
  const chain = await TestChain.create({
    hardfork, coverage: settings.coverage, assertions: settings.assertions, compares: true, gasLimit: settings.gasLimit,
    cheats: { env: (name) => env[name] },
    // forge runs setUp() and the campaign from timestamp 1, block 1; Echidna and Medusa from their own start block.
    ...(ref.kind === 'foundry' ? { block: { timestamp: 1n, number: 1n } } : {}),
  });
  const setup = await deployNativeSuite(ref, compiled, chain);
  const { deployment, test } = setup;

  const source = readFileSync(ref.file, 'utf8');
  const checkFns = suiteChecks(ref.kind, test.abi);
  const checks: NativeCheck[] = checkFns.map((fn) => ({ fn, mustReturnTrue: ref.kind !== 'foundry', location: locate(ref.file, source, fn.name) }));
  const afterInvariant = ref.kind === 'foundry'
    ? test.abi.find((x): x is AbiFunction => x.type === 'function' && x.name === 'afterInvariant' && x.inputs.length === 0)
    : undefined;

  const nativeChecks = new NativeChecks({
    specName: ref.contract,
    chain,
    test,
    caller: setup.checkCaller,
    checks,
    assertions: settings.assertions,
    assertionContext: await assertionContextFor(ref.contract, deployment, compiled, chain),
    failOnRevert: ref.kind === 'foundry' && project.invariant.failOnRevert === true,
    afterInvariant,
  });
  nativeChecks.commitBaseline();

  const dictionary = seedDictionary(deployment, chain);

  return {
    name: ref.contract, file: ref.file, spec: deployment.spec, compiled, hardfork, chain, deployment,
    targets: setup.targets, senders: setup.senders, addressArgs: 'any', checks: nativeChecks, checkInfo: new Map(),
    dictionary, base: chain.snapshot(), settings, suite: ref, project,
  };
}

/** The check functions of a suite contract, as its tool finds them. */
export function suiteChecks(kind: SuiteKind, abi: readonly unknown[]): AbiFunction[] {
  const fns = (abi as AbiFunction[]).filter((x) => x.type === 'function' && x.inputs.length === 0);
  const bool = (f: AbiFunction) => f.outputs.length === 1 && f.outputs[0]!.type === 'bool';
  switch (kind) {
    case 'foundry':
      return fns.filter((f) => INVARIANT_PREFIXES.some((p) => f.name.startsWith(p)));
    case 'echidna':
      return fns.filter((f) => f.name.startsWith('echidna_') && bool(f));
    case 'medusa':
      return fns.filter((f) => f.name.startsWith('property_') && bool(f));
    case 'assertion':
      return [];
  }
}

function locate(file: string, source: string, fn: string): SourceLocation | undefined {
  const m = new RegExp(`function\\s+${fn}\\s*\\(`).exec(source);
  if (m === null) return undefined;
  const before = source.slice(0, m.index);
  const line = before.split('\n').length;
  return { file, line, column: m.index - before.lastIndexOf('\n') };
}
