import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSpecFile } from '../../spec/analyze/index.js';
import { compileChecks } from './compileCheck.js';

const specs = join(dirname(dirname(dirname(dirname(import.meta.dirname)))), 'specs');
const files = readdirSync(specs).filter((f) => f.endsWith('.spec.ts'));

describe('compileChecks', () => {
  it.each(files)('%s: the same checks as vigil list, provable only if the analysis says so', async (file) => {
    const analysis = analyzeSpecFile(join(specs, file));
    const compiled = await compileChecks(join(specs, file));
    expect(compiled.map((c) => `${c.kind}:${c.name}`)).toEqual(analysis.checks.map((c) => `${c.kind}:${c.name}`));
    for (const [i, c] of compiled.entries()) {
      const listed = analysis.checks[i]!;
      // Sums over holders pass the syntax check but range over a run-time set: never provable.
      if (!listed.provable) expect(c.provable).toBe(false);
      if (c.provable) expect(listed.provable).toBe(true);
      else expect(c.construct).toMatch(/ at [^ ]+:\d+/);
      if (listed.provable && !c.provable) expect(c.construct).toMatch(/over (holders|keys)/);
    }
  });

  it('refuses sums over holders with that reason, and translates the actor sums', async () => {
    const token = await compileChecks(join(specs, 'Token.spec.ts'));
    const supply = token.find((c) => c.name === 'supplyIsSumOfBalances')!;
    expect(supply).toMatchObject({ provable: false, construct: expect.stringMatching(/^sum over holders .* at invariants\/erc20\.ts:\d+$/) });
    const lending = await compileChecks(join(specs, 'Lending.spec.ts'));
    const total = lending.find((c) => c.name === 'totalDebtIsSumOfDebts')!;
    expect(total.provable && total.ir.body).toMatchObject({ k: 'binary', op: '===', right: { k: 'quant', q: 'sum' } });
  });
});
