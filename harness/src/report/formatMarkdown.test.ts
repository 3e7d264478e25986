import { describe, expect, it } from 'vitest';
import { sampleReport } from './fixtures/sampleReport.js';
import { formatMarkdown } from './formatMarkdown.js';

describe('formatMarkdown', () => {
  const md = formatMarkdown(sampleReport());

  it('starts with a summary table of the specs', () => {
    expect(md).toContain(
      [
        '| Spec | Status | Findings | Calls | Calls/s | Coverage |',
        '| --- | --- | ---: | ---: | ---: | ---: |',
        '| Token | passed | 0 | 25600 | 3400 | 78% |',
        '| Vault | failed | 2 | 9000 | 2903 | 75% |',
      ].join('\n'),
    );
  });

  it('lists each finding with numbered calls and the replay command in a code block', () => {
    expect(md).toContain('### 1. Vault: invariant `accruedInterestBounded`');
    expect(md).toMatch(/^1\. `deposit\(uint256\)` on BuggyVault /m);
    expect(md).toMatch(/^2\. `accrue\(\)` on BuggyVault /m);
    expect(md).toContain('   - before the call: warp +86400 s, roll +7200 blocks');
    expect(md).toContain('   - revert: `Panic(0x01: assertion failed)`');
    expect(md).toContain('```sh\nnpx vigil replay reports/vigil-report.json --finding Vault:invariant:accruedInterestBounded\n```');
  });

  it('includes stale counterexamples and spec errors', () => {
    expect(md).toContain('## Stale counterexamples');
    expect(md).toContain('## Error in Vault: `INVARIANT_THREW`');
  });

  it('keeps messages from breaking out of their markup', () => {
    const report = sampleReport();
    report.specs[1]!.findings[0]!.message = 'see [here](http://x) <img src=x> a|b';
    report.specs[1]!.name = 'Va|ult';
    const out = formatMarkdown(report);
    expect(out).toContain('> see \\[here\\](http://x) &lt;img src=x> a|b');
    expect(out).toContain('| Va\\|ult | failed |');
  });

  it('ends with exactly one newline', () => {
    expect(md.endsWith('```\n')).toBe(true);
  });
});
