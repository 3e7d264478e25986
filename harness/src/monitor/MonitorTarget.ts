import type { CompileOutput } from '../compile/types.js';
import type { CheckInfo } from '../campaign/readCheckInfo.js';
import type { CampaignSettings } from '../campaign/CampaignSettings.js';
import type { DeployedContract } from '../spec/DeployedContract.js';
import type { Spec } from '../spec/types.js';

/** A spec compiled once and bound to live addresses: what every block's fork is opened from. */
export interface MonitorTarget {
  name: string;
  file: string;
  spec: Spec;
  compiled: CompileOutput;
  hardfork: string;
  /** The spec's contracts at the addresses given on the command line (nothing is deployed). */
  contracts: DeployedContract[];
  checkInfo: ReadonlyMap<string, CheckInfo>;
  settings: CampaignSettings;
}
