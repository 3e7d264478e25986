import type { Hex } from 'viem';
import type { TestChain, ChainSnapshot } from '../chain/TestChain.js';
import type { CompileOutput } from '../compile/types.js';
import type { Deployment } from '../spec/deploySpec.js';
import type { Spec } from '../spec/types.js';
import type { Checks } from '../fuzz/Checks.js';
import type { Dictionary } from '../fuzz/Dictionary.js';
import type { TargetFunction } from '../fuzz/TargetFunction.js';
import type { CampaignSettings } from './CampaignSettings.js';

/** A spec compiled, deployed and set up, ready to run sequences from `base`. */
export interface SpecSession {
  name: string;
  file: string;
  spec: Spec;
  compiled: CompileOutput;
  hardfork: string;
  chain: TestChain;
  deployment: Deployment;
  targets: TargetFunction[];
  senders: Hex[];
  /** Which addresses address arguments are drawn from (see `targets.addresses`). */
  addressArgs: 'actors' | 'known' | 'any';
  checks: Checks;
  /** Declared location and provable-subset status of each check (`invariant:name`). */
  checkInfo: ReadonlyMap<string, import('./readCheckInfo.js').CheckInfo>;
  dictionary: Dictionary;
  base: ChainSnapshot;
  settings: CampaignSettings;
  /** Set for a Solidity-native suite. */
  suite?: import('../native/SuiteRef.js').SuiteRef;
  /** The folder the Solidity was compiled from: source unit names are relative to it (default: the suite's root). */
  sourceRoot?: string;
}
