/**
 * A Solidity-native test suite, run as it is:
 * - `foundry`: forge's invariant tests (setUp, invariant_* after every call, target* getters);
 * - `echidna`: `echidna_*` bool properties of the contract under test itself;
 * - `medusa`: `property_*` bool properties, same model;
 * - `assertion`: a contract fuzzed directly for assertion failures (Echidna's assertion mode).
 */
export type SuiteKind = 'foundry' | 'echidna' | 'medusa' | 'assertion';

export interface SuiteRef {
  kind: SuiteKind;
  /** Project root (foundry.toml's folder, or the file's folder). */
  root: string;
  /** Absolute path of the .sol file that defines the contract. */
  file: string;
  contract: string;
}
