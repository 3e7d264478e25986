import { defineSpec } from '../harness/src/index.js';

// Four calls with specific arguments, in order: step1(0xC0FFEE), step2(42, 1000),
// step3(the caller itself), then step4(7) or step4Checked(7). Wrong arguments revert.
export default defineSpec({
  sources: ['../targets/statemachine/Lock.sol'],
  contracts: { lock: { contract: 'Lock' } },
  invariants: {
    notBroken: async ({ lock }) => !(await lock.broken()),
  },
});
