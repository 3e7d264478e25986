import { slotEquality } from '../../keccak/slotEquality.js';
import { emptyStorage, readStorage, writeStorage } from '../../state/Storage.js';
import { FrameHalt } from '../signals.js';
import type { OpGroup } from './OpDef.js';

export const storage: OpGroup = {
  0x54: {
    name: 'SLOAD',
    inputs: 1,
    run: (s, f, x) => {
      const st = s.world.storage.get(f.address) ?? emptyStorage();
      f.stack.push(readStorage(st, f.stack.pop()!, slotEquality(x.ctx, s)));
    },
  },
  0x55: {
    name: 'SSTORE',
    inputs: 2,
    run: (s, f) => {
      if (f.isStatic) throw new FrameHalt('SSTORE in a static call');
      const slot = f.stack.pop()!;
      const value = f.stack.pop()!;
      s.world.storage.set(f.address, writeStorage(s.world.storage.get(f.address) ?? emptyStorage(), slot, value));
    },
  },
  0x5c: {
    name: 'TLOAD',
    inputs: 1,
    run: (s, f) => {
      const st = s.world.transient.get(f.address) ?? emptyStorage();
      f.stack.push(readStorage(st, f.stack.pop()!));
    },
  },
  0x5d: {
    name: 'TSTORE',
    inputs: 2,
    run: (s, f) => {
      if (f.isStatic) throw new FrameHalt('TSTORE in a static call');
      const slot = f.stack.pop()!;
      const value = f.stack.pop()!;
      s.world.transient.set(f.address, writeStorage(s.world.transient.get(f.address) ?? emptyStorage(), slot, value));
    },
  },
};
