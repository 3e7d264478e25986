import { callHelpers } from './renderCall.js';

export interface SpecTestModel {
  /** Comment lines above the code (without `//`). */
  header: string[];
  contractName: string;
  testName: string;
  interfaces: string[];
  handles: { ident: string; type: string; address: string; comment: string }[];
  setUp: string[];
  body: string[];
  helpers: ReadonlySet<keyof typeof callHelpers>;
}

/** The text of a self-contained `.t.sol` for a finding of a TypeScript spec. */
export function renderSpecTest(m: SpecTestModel): string {
  const out: string[] = [
    '// SPDX-License-Identifier: UNLICENSED',
    ...m.header.map((l) => (l === '' ? '//' : `// ${l}`)),
    'pragma solidity >=0.8.13 <0.9.0;',
    '',
    'import {Test} from "forge-std/Test.sol";',
    '',
  ];
  for (const iface of m.interfaces) out.push(iface, '');
  out.push(`contract ${m.contractName} is Test {`);
  for (const h of m.handles) out.push(`    ${h.type} internal constant ${h.ident} = ${h.type}(${h.address}); // ${h.comment}`);
  out.push('', '    function setUp() public {', ...indent(m.setUp, 2), '    }', '');
  out.push(`    function ${m.testName}() public {`, ...indent(m.body, 2), '    }');
  for (const name of ['mayRevert', 'bubble'] as const) {
    if (m.helpers.has(name)) out.push('', ...indent([...callHelpers[name]], 1));
  }
  out.push('}', '');
  return out.join('\n');
}

function indent(lines: readonly string[], depth: number): string[] {
  const pad = '    '.repeat(depth);
  return lines.map((l) => (l === '' ? '' : pad + l));
}
