import type { Hex } from 'viem';

/** Where Foundry, Echidna (hevm) and Medusa all put the cheatcodes: address(uint160(uint256(keccak256("hevm cheat code")))). */
export const CHEATCODE_ADDRESS: Hex = '0x7109709ecfa91a80626ff3989d68f67f5b1dd12d';
/** forge's default sender: deploys the test contract and sends calls by default. */
export const FOUNDRY_SENDER: Hex = '0x1804c8ab1f12e6bbf3894d4083f33e07309d1f38';
/** Where forge deploys a test contract (CREATE from FOUNDRY_SENDER at nonce 1). */
export const FOUNDRY_TEST_ADDRESS: Hex = '0x7fa9385be102ac3eac297483dd6233d62b3e1496';
/** forge-std's console.log target: calls to it succeed and do nothing. */
export const CONSOLE_ADDRESS: Hex = '0x000000000000000000636f6e736f6c652e6c6f67';
/** forge's CREATE2 deployer, present in every forge test. */
export const CREATE2_DEPLOYER: Hex = '0x4e59b44847b379578588920ca78fbf26c0b4956c';
