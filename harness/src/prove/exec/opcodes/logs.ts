import { range } from '../concrete.js';
import { FrameHalt } from '../signals.js';
import type { Word } from '../../word/Word.js';
import type { OpDef, OpGroup } from './OpDef.js';

function log(n: number): OpDef {
  return {
    name: `LOG${n}`,
    inputs: 2 + n,
    pins: true,
    run: (s, f) => {
      if (f.isStatic) throw new FrameHalt(`LOG${n} in a static call`);
      const [off, len] = range(s, f.stack.pop()!, f.stack.pop()!, `LOG${n} data`);
      const topics: Word[] = [];
      for (let k = 0; k < n; k++) topics.push(f.stack.pop()!);
      s.logs.push({ address: f.address, topics, data: f.memory.read(off, len) });
    },
  };
}

export const logs: OpGroup = { 0xa0: log(0), 0xa1: log(1), 0xa2: log(2), 0xa3: log(3), 0xa4: log(4) };
