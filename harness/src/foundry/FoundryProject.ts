/**
 * A Foundry project as Vigil runs it: where its sources are, how to compile them, and the
 * invariant and fuzz settings of the selected profile. `root` is absolute; every other path is
 * relative to it, as written in foundry.toml (solc's standard JSON wants remappings that way).
 */
export interface FoundryProject {
  root: string;
  /** Absolute path of the foundry.toml read, if there was one. */
  configFile?: string;
  /** The selected profile (`FOUNDRY_PROFILE`, default `default`). */
  profile: string;
  src: string;
  test: string;
  script: string;
  libs: string[];
  /** foundry.toml's, then remappings.txt's, then one per `lib/<name>` not already mapped. */
  remappings: string[];
  /** `solc_version` (or `solc`): a pinned version; undefined lets the pragmas choose. */
  solcVersion?: string;
  evmVersion?: string;
  optimizer: { enabled: boolean; runs: number };
  viaIR: boolean;
  invariant: {
    runs?: number;
    depth?: number;
    failOnRevert?: boolean;
    callOverride?: boolean;
    shrinkRunLimit?: number;
    timeoutSeconds?: number;
  };
  fuzz: { seed?: string; runs?: number };
}
