import { describe, expect, it } from 'vitest';
import { onlyOwnerChanges } from './access.js';
import { fakeContext, fakeHandle } from './fakeContext.js';

// Vigil lower-cases every address it hands to checks (senders and decoded results alike).
const OWNER = '0x000000000000000000000000000000000000abcd';
const OTHER = '0x0000000000000000000000000000000000020000';

describe('onlyOwnerChanges', () => {
  const run = (before: boolean, after: boolean, sender: string, reverted = false, ownerFn = 'owner') =>
    onlyOwnerChanges('token', 'paused', ownerFn).check(
      fakeContext(
        { token: fakeHandle({ paused: after, [ownerFn]: OWNER }) },
        { before: { token: fakeHandle({ paused: before, [ownerFn]: OWNER }) }, call: { sender: sender as never, reverted } },
      ),
    );

  it('lets the owner change the value', async () => {
    expect(await run(false, true, OWNER)).toBe(true);
  });

  it('fails when anyone else changes it', async () => {
    expect(await run(false, true, OTHER)).toBe(false);
  });

  it('ignores calls that change nothing or revert', async () => {
    expect(await run(true, true, OTHER)).toBe(true);
    expect(await run(false, true, OTHER, true)).toBe(true);
  });

  it('reads the owner through another getter when told', async () => {
    expect(await run(false, true, OWNER, false, 'admin')).toBe(true);
    expect(await run(false, true, OTHER, false, 'admin')).toBe(false);
  });
});
