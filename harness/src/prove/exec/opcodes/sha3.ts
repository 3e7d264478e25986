import { keccakOf } from '../../keccak/keccakOf.js';
import { range } from '../concrete.js';
import type { OpGroup } from './OpDef.js';

export const sha3: OpGroup = {
  0x20: {
    name: 'KECCAK256',
    inputs: 2,
    pins: true,
    run: (s, f, x) => {
      const [off, len] = range(s, f.stack.pop()!, f.stack.pop()!, 'KECCAK256 input');
      f.stack.push(keccakOf(s, x, f.memory.read(off, len)));
    },
  },
};
