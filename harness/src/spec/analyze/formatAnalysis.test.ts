import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { constructs as c } from './constructs.js';
import { formatAnalysis } from './formatAnalysis.js';
import type { SpecAnalysis } from './SpecAnalysis.js';

const specFile = path.join(process.cwd(), 'specs/Token.spec.ts');
const libFile = path.join(process.cwd(), 'invariants/erc20.ts');

const analysis: SpecAnalysis = {
  file: specFile,
  specName: 'Token',
  contractKeys: ['token'],
  problems: [{ message: 'cannot list the checks of `...x()`', file: specFile, line: 20, column: 5 }],
  checks: [
    { kind: 'invariant', name: 'supplyIsSumOfBalances', file: specFile, line: 9, column: 5, provable: true, outside: [], source: '' },
    {
      kind: 'invariant',
      name: 'burnedTracked',
      file: specFile,
      line: 13,
      column: 5,
      provable: false,
      source: '',
      outside: [
        { construct: c.ghost, file: specFile, line: 13, column: 50, text: 'ghosts.burned' },
        { construct: c.loop, file: libFile, line: 4, column: 3, text: 'for (const a of actors) {\n    total += 1n;\n    if (total > 10n) break;\n  }' },
      ],
    },
    {
      kind: 'property',
      name: 'viaPackage',
      on: 'token.transfer',
      file: specFile,
      line: 16,
      column: 5,
      provable: false,
      source: '',
      outside: [{ construct: c.libraryCall, file: specFile, line: 16, column: 17, text: "pkg.check('token')", detail: 'not followed' }],
    },
  ],
};

describe('formatAnalysis', () => {
  it('prints one line per check with cwd-relative locations, further issues indented', () => {
    expect(formatAnalysis(analysis).split('\n')).toEqual([
      'Token (specs/Token.spec.ts): 1 of 3 checks provable',
      '  problem  cannot list the checks of `...x()` at specs/Token.spec.ts:20:5',
      '  invariant supplyIsSumOfBalances  provable   specs/Token.spec.ts:9',
      '  invariant burnedTracked  fuzz-only  ghost value `ghosts.burned` at specs/Token.spec.ts:13:50',
      '      also loop `for (const a of actors) { total += 1n; if (total > 10n) b...` at invariants/erc20.ts:4:3',
      "  property viaPackage  fuzz-only  library call (analysed in its own file) `pkg.check('token')` at specs/Token.spec.ts:16:17 (not followed)",
    ]);
  });

  it('names the file when the spec has no name', () => {
    const { specName: _ignored, ...unnamed } = analysis;
    expect(formatAnalysis({ ...unnamed, checks: [], problems: [] })).toBe('specs/Token.spec.ts: 0 of 0 checks provable');
  });
});
