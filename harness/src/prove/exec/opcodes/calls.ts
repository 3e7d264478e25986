import { readStorage, writeStorage } from '../../state/Storage.js';
import { add } from '../../word/arith.js';
import { range } from '../concrete.js';
import { endFrame } from '../endFrame.js';
import { FrameHalt, PathUnknown } from '../signals.js';
import { startCall, type CallRequest } from '../startCall.js';
import { toAddress } from './environment.js';
import type { OpDef, OpGroup } from './OpDef.js';

function call(kind: CallRequest['kind']): OpDef {
  const withValue = kind === 'CALL';
  return {
    name: kind,
    inputs: withValue ? 7 : 6,
    pins: true,
    run: (s, f, x) => {
      f.stack.pop(); // gas: not metered (see nestedOutOfGas)
      const to = toAddress(f.stack.pop()!);
      const value = withValue ? f.stack.pop()! : 0n;
      const [inOff, inLen] = range(s, f.stack.pop()!, f.stack.pop()!, `${kind} input`);
      const [outOff, outLen] = range(s, f.stack.pop()!, f.stack.pop()!, `${kind} output`);
      const input = f.memory.read(inOff, inLen);
      f.memory.expand(outOff, outLen);
      return startCall(s, x, { kind, to, value, input, ret: { offset: outOff, size: outLen }, pc: f.pc - 1 });
    },
  };
}

function unsupported(name: string, inputs: number): OpDef {
  return {
    name,
    inputs,
    run: (_s, f) => {
      if (f.isStatic && name !== 'CALLCODE') throw new FrameHalt(`${name} in a static call`);
      throw new PathUnknown('unsupported', `${name} at pc ${f.pc - 1} is not modelled`);
    },
  };
}

export const calls: OpGroup = {
  0xf0: unsupported('CREATE', 3),
  0xf1: call('CALL'),
  0xf2: unsupported('CALLCODE', 7),
  0xf4: call('DELEGATECALL'),
  0xf5: unsupported('CREATE2', 4),
  0xfa: call('STATICCALL'),
  0xff: {
    name: 'SELFDESTRUCT',
    inputs: 1,
    run: (s, f) => {
      if (f.isStatic) throw new FrameHalt('SELFDESTRUCT in a static call');
      // Since Cancun a contract not created in this transaction (CREATE is not modelled)
      // only hands over its balance; a beneficiary equal to itself keeps it.
      const to = toAddress(f.stack.pop()!);
      const bal = readStorage(s.world.balances, f.address);
      const emptied = writeStorage(s.world.balances, f.address, 0n);
      s.world.balances = writeStorage(emptied, to, add(readStorage(emptied, to), bal));
      endFrame(s, 'success', [], f.pc - 1);
    },
  },
};
