import { defineSpec } from '../harness/src/index.js';

// Steps 1 and 2 need magic numbers (0xC0FFEE, then 42 and 1000 together) that random
// sequences almost never hit, so the set-up takes them; the fuzzer must still find
// step3(its own address) and step4(7) or step4Checked(7), in that order.
export default defineSpec({
  sources: ['../targets/statemachine/LockBuggy.sol'],
  contracts: { lock: { contract: 'LockBuggy' } },
  setup: async ({ lock }) => {
    await lock.step1(0xc0ffeen);
    await lock.step2(42n, 1000n);
  },
  targets: { include: ['lock.step3', 'lock.step4', 'lock.step4Checked'] },
  invariants: {
    notBroken: async ({ lock }) => !(await lock.broken()),
  },
});
