/**
 * Every error code Vigil can raise, with its exit code and a default hint.
 * One registry so codes stay unique and every one has a hint (see codes.test.ts).
 */
export const errorCodes = {
  USAGE: { exit: 2, hint: 'Run `vigil --help` for the commands and flags.' },
  CONFIG_INVALID: { exit: 2, hint: 'Fix the listed keys; `vigil --help` lists the flags and their types.' },
  SPEC_NOT_FOUND: { exit: 2, hint: 'Pass a path to a `*.spec.ts` file or a folder that holds some (default: specs/).' },
  SPEC_LOAD: { exit: 2, hint: 'Fix the syntax or import error at the location shown, then run again.' },
  SPEC_NO_DEFAULT: { exit: 2, hint: 'End the spec file with `export default defineSpec({ ... })`.' },
  SPEC_INVALID: { exit: 2, hint: 'Fix the listed fields of the spec.' },
  SPEC_UNKNOWN_CONTRACT: { exit: 2, hint: 'Use a contract name that the spec compiles (see `sources`), spelled as in Solidity.' },
  SPEC_UNKNOWN_FUNCTION: { exit: 2, hint: 'Use a function that exists in the contract ABI; `vigil list` shows the target functions.' },
  SPEC_BAD_ARGS: { exit: 2, hint: 'Pass arguments that match the Solidity types of the function (uint → bigint, address → 0x string).' },
  DEPLOY_REVERTED: { exit: 2, hint: 'Check the constructor arguments, the deployer and its balance in the spec.' },
  SETUP_REVERTED: { exit: 2, hint: 'Check the set-up call: its sender, arguments and the state it expects.' },
  INVARIANT_THREW: { exit: 2, hint: 'An invariant must return a boolean and not throw; check the expression at the location shown.' },
  INVARIANT_TIMEOUT: { exit: 2, hint: 'Look for a loop in the check that never ends (or waits on itself); a slow but finite check can get more time with --check-timeout <seconds> or fuzz.checkTimeout.' },
  CAMPAIGN_WORKER_FAILED: { exit: 2, hint: 'Something in the spec ended a worker thread (process.exit, memory without bound, an uncaught throw): run without --workers to see where; the other workers\' findings are in the report.' },
  COMPILE_ERROR: { exit: 2, hint: 'Fix the Solidity error shown by solc, then run again.' },
  COMPILE_EMPTY: { exit: 2, hint: 'Point `sources` at the Solidity files that hold the contracts (an empty file compiles to nothing).' },
  LIBRARY_LINK: { exit: 2, hint: 'Include the library\'s source in `sources` (or make its functions internal, so they are inlined).' },
  COMPILE_IMPORT: { exit: 2, hint: 'Install the package that provides the import (npm install …) or add a remapping.' },
  COMPILER_VERSION: { exit: 2, hint: 'Change the pragma to a version the bundled solc supports, or install the matching `solc` package.' },
  REPORT_INVALID: { exit: 2, hint: 'Pass a report written by `vigil run` (reports/*.json) of a supported version.' },
  SHARD_MISMATCH: { exit: 2, hint: 'Merge the reports of `vigil run --shard i/n` for i = 1..n, all run with the same flags on the same commit.' },
  SHARD_INCOMPLETE: { exit: 2, hint: 'Pass every shard\'s report exactly once.' },
  FINDING_NOT_FOUND: { exit: 2, hint: 'List the findings with `vigil replay <report>` without --finding.' },
  RECOMMEND_NOT_REPRODUCED: { exit: 3, hint: 'The counterexample no longer breaks the check on this code or state: run `vigil run` again for a fresh report, or check that the session starts before the attack.' },
  IO: { exit: 2, hint: 'Check that the path exists and is writable.' },
  REPORTER_UNAVAILABLE: { exit: 2, hint: 'Leave that reporter out of --reporter, or reinstall Vigil: its renderer is missing.' },
  RPC_UNREACHABLE: { exit: 2, hint: 'Check the --rpc URL and that the node is running and reachable from here (curl -X POST it with eth_chainId).' },
  MONITOR_STATE: { exit: 2, hint: 'Give another --state file for this spec and these addresses, or delete the file to start afresh.' },
  MONITOR_NO_KEY: { exit: 2, hint: 'Export the guardian\'s private key (0x + 64 hex digits) in the variable named by --guardian-key-env (default VIGIL_GUARDIAN_KEY).' },
  FORGE_UNAVAILABLE: { exit: 3, hint: 'Install dev dependencies (`npm install`) so @foundry-rs/forge is present.' },
  INTERNAL: { exit: 4, hint: 'This is a bug in Vigil: please report it with the command, versions and seed shown.' },
} as const satisfies Record<string, { exit: number; hint: string }>;

export type ErrorCode = keyof typeof errorCodes;
