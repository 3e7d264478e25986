import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Specs are typed from the compiled ABIs through specs/vigil-artifacts.d.ts. Every spec
 * must type-check under the project's compiler options, and a spec with a typo must be
 * stopped by the compiler at the line of the typo, not at run time.
 */
const root = process.cwd();
const artifactTypes = path.join(root, 'specs/vigil-artifacts.d.ts');
const fixture = path.join(root, 'test/e2e/fixtures/TypeErrors.spec.ts');

function readProjectConfig(): ts.ParsedCommandLine {
  const file = path.join(root, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, file);
}

interface Located {
  file: string;
  line: number;
  code: number;
  message: string;
}

function diagnosticsOf(program: ts.Program): Located[] {
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return { file: d.file?.fileName ?? '', line, code: d.code, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') };
  });
}

const show = (ds: Located[]) => ds.map((d) => `${path.relative(root, d.file)}:${d.line} TS${d.code} ${d.message.split('\n')[0]}`);

describe('spec typing', () => {
  const config = readProjectConfig();
  let specsProgram: ts.Program;

  beforeAll(() => {
    const specs = readdirSync(path.join(root, 'specs'))
      .filter((f) => f.endsWith('.spec.ts'))
      .map((f) => path.join(root, 'specs', f));
    specsProgram = ts.createProgram([...specs, artifactTypes], config.options);
  });

  it('every spec under specs/ type-checks against the generated ABI types', () => {
    const roots = specsProgram.getRootFileNames().filter((f) => f.endsWith('.spec.ts'));
    expect(roots.length).toBeGreaterThanOrEqual(11);
    expect(show(diagnosticsOf(specsProgram))).toEqual([]);
  });

  it("the fixtures stay outside tsconfig's include", () => {
    expect(config.fileNames.filter((f) => f.includes('test/e2e/fixtures'))).toEqual([]);
    expect(config.fileNames.some((f) => f.endsWith('specs/Token.spec.ts'))).toBe(true);
  });

  describe('a spec with mistakes', () => {
    const lines = readFileSync(fixture, 'utf8').split('\n');
    /** The 1-based line carrying the marker `// error: <what>`. */
    const lineOf = (what: string) => lines.findIndex((l) => l.endsWith(`// error: ${what}`)) + 1;
    let found: Located[];

    beforeAll(() => {
      // Reusing the first program keeps the compiler's parsed library and harness files.
      const program = ts.createProgram([fixture, artifactTypes], config.options, undefined, specsProgram);
      found = diagnosticsOf(program);
    });

    it.each([
      ['unknown contract name', [2322, 2820], /"Tokn".*Did you mean '"Token"'/s],
      ['misspelled function', [2339, 2551], /balanceOff.*Did you mean 'balanceOf'/s],
      ['wrong argument type', [2345], /5n/],
      ['misspelled lever function', [2322], /"token\.pauze"/],
    ] as const)('%s: a diagnostic at its line', (what, codes, message) => {
      const line = lineOf(what);
      expect(line, `marker for ${what}`).toBeGreaterThan(0);
      const here = found.filter((d) => d.file === fixture && d.line === line);
      expect(here, show(found).join('\n')).toHaveLength(1);
      expect(codes).toContain(here[0]!.code);
      expect(here[0]!.message).toMatch(message);
    });

    it('reports nothing else', () => {
      const marked = new Set(['unknown contract name', 'misspelled function', 'wrong argument type', 'misspelled lever function'].map(lineOf));
      expect(show(found.filter((d) => !(d.file === fixture && marked.has(d.line))))).toEqual([]);
    });
  });
});
