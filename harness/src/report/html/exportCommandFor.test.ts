import { describe, expect, it } from 'vitest';
import { sampleReport } from '../fixtures/sampleReport.js';
import { exportCommandFor } from './exportCommandFor.js';

describe('exportCommandFor', () => {
  const finding = () => sampleReport().specs[1]!.findings[0]!;

  it('aims at the report file of the replay command, with the id quoted for the shell', () => {
    const f = finding();
    f.replayCommand = `npx vigil replay out/ci/vigil-report.json --finding '${f.id}'`;
    expect(exportCommandFor(f)).toBe(`npx vigil export --foundry out/ci/vigil-report.json --finding 'Vault:invariant:accruedInterestBounded'`);
  });

  it('keeps an id with a quote in it one shell word', () => {
    const f = finding();
    f.id = "Vault:invariant:it's";
    expect(exportCommandFor(f)).toBe(`npx vigil export --foundry reports/vigil-report.json --finding 'Vault:invariant:it'\\''s'`);
  });

  it('falls back to the default report path when the replay command has another shape', () => {
    const f = finding();
    f.replayCommand = 'replay by hand';
    expect(exportCommandFor(f)).toBe(`npx vigil export --foundry reports/vigil-report.json --finding 'Vault:invariant:accruedInterestBounded'`);
  });
});
