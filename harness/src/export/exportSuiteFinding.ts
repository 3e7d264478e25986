import path from 'node:path';
import { getContractAddress, type Hex } from 'viem';
import type { CallRecord, Finding, Report, SpecResult, SuiteRecord } from '../report/types.js';
import { DEFAULT_ACTORS, DEFAULT_DEPLOYER, DEFAULT_FUND } from '../spec/defaults.js';
import { vigilVersion } from '../version.js';
import type { ExportedTest } from './ExportedTest.js';
import { exportNames } from './exportNames.js';
import { addressLiteral, hexBytesLiteral, stringLiteral, uintLiteral } from './solidityLiterals.js';

export interface SuiteExportRequest {
  report: Report;
  reportPath: string;
  spec: SpecResult;
  suite: SuiteRecord;
  finding: Finding;
  /** The working directory the report's paths are relative to. */
  root: string;
  /** Absolute path the test is written to: the suite is imported relative to it. */
  outFile: string;
}

/**
 * The clock Echidna / Medusa / assertion-mode suites start from in Vigil (Echidna's start
 * block); forge suites run from forge's own (timestamp 1, block 1), so they need no warp.
 */
const VIGIL_START = { timestamp: 1_524_785_992n, number: 4_370_000n };

/** The `suite` of a spec result, when the report has a well-formed one. */
export function suiteOf(spec: SpecResult): SuiteRecord | undefined {
  const s = spec.suite as Partial<SuiteRecord> | undefined;
  if (!s || typeof s.file !== 'string' || typeof s.contract !== 'string') return undefined;
  if (s.kind !== 'foundry' && s.kind !== 'echidna' && s.kind !== 'medusa' && s.kind !== 'assertion') return undefined;
  return { kind: s.kind, file: s.file, root: typeof s.root === 'string' ? s.root : '.', contract: s.contract };
}

/** The suite's .sol file as an absolute path. */
export function suiteFile(suite: SuiteRecord, root: string): string {
  return path.resolve(root, suite.root ?? '.', suite.file);
}

/**
 * A test for a finding of a Solidity-native suite, written from the report alone.
 * Foundry: the test inherits the suite, so forge runs its setUp() and deploys the targets at
 * the addresses the calls name (Vigil deploys them where forge does); it ends with the
 * invariant, whose forge-std assertion reverts. Echidna / Medusa / assertion mode: setUp()
 * deploys the contract from 0x30000 as Vigil did, so it lands at the recorded address; the
 * test ends with the property required to return true. Either way the calls go low-level
 * with the recorded calldata, and an assertion finding ends on the failing call, its revert
 * re-thrown so forge reports the same panic.
 */
export function exportSuiteFinding(req: SuiteExportRequest): ExportedTest {
  const { finding, suite } = req;
  const names = exportNames(req.spec.name, finding);
  const foundry = suite.kind === 'foundry';
  const warnings: string[] = [];
  const calls = finding.shrunk.calls;
  const last = calls[calls.length - 1];
  if (finding.kind === 'assertion' && last?.result?.status === 'success') {
    warnings.push('the assertion failed inside a call whose caller caught the revert: forge does not fail on it, so the test only replays the sequence');
  }
  const deployedAt = foundry ? undefined : getContractAddress({ from: DEFAULT_DEPLOYER, nonce: 0n }).toLowerCase();
  const target = (c: CallRecord) => (c.address.toLowerCase() === deployedAt ? 'address(suite_)' : addressLiteral(c.address));

  const body: string[] = [];
  calls.forEach((c, i) => {
    const reverted = c.result !== undefined && c.result.status !== 'success';
    body.push('', `// ${i + 1}. ${c.contractName}.${c.signature} [${c.args.join(', ')}] from ${c.sender}${reverted ? ` (reverted in Vigil${c.result?.decoded ? `: ${c.result.decoded}` : ''})` : ''}`);
    if (BigInt(c.timeDelta) !== 0n) body.push(`cheats_.warp(block.timestamp + ${BigInt(c.timeDelta)});`);
    if (BigInt(c.blockDelta) !== 0n) body.push(`cheats_.roll(block.number + ${BigInt(c.blockDelta)});`);
    const sender = addressLiteral(c.sender);
    const value = BigInt(c.value);
    if (value > 0n) body.push(`if (${sender}.balance < ${uintLiteral(value)}) cheats_.deal(${sender}, ${uintLiteral(value)});`);
    body.push(`cheats_.prank(${sender}, ${sender});`);
    const helper = i === calls.length - 1 && finding.kind === 'assertion' ? '_vigilCallBubblingRevert' : '_vigilCall';
    body.push(`${helper}(${target(c)}, ${uintLiteral(value)}, ${hexBytesLiteral(c.calldata as Hex)});`);
  });
  body.push('', ...ending(suite, finding));

  const importPath = toImportPath(path.relative(path.dirname(req.outFile), suiteFile(suite, req.root)));
  const setUp = foundry ? [] : [
    '',
    '    /// The contract under test, deployed as Vigil deployed it: from 0x30000 (so at the address the',
    '    /// calls name), with the actors funded and the clock at Vigil\'s start block.',
    '    function setUp() public {',
    `        cheats_.warp(${VIGIL_START.timestamp});`,
    `        cheats_.roll(${VIGIL_START.number});`,
    ...[...new Set([...DEFAULT_ACTORS, DEFAULT_DEPLOYER])].map((a) => `        cheats_.deal(${addressLiteral(a)}, ${uintLiteral(DEFAULT_FUND)});`),
    `        cheats_.prank(${addressLiteral(DEFAULT_DEPLOYER)}, ${addressLiteral(DEFAULT_DEPLOYER)});`,
    `        suite_ = new ${suite.contract}();`,
    '    }',
  ];
  const source = [
    '// SPDX-License-Identifier: UNLICENSED',
    `// Generated by \`vigil export --foundry\` (Vigil ${vigilVersion}; report written by Vigil ${req.report.tool.version}).`,
    `// Finding: ${finding.id}`,
    `//          ${finding.message}`,
    `// Suite:   ${suite.contract} in ${path.join(suite.root ?? '.', suite.file)} (${suite.kind})`,
    `// Seed:    ${finding.seed} (run ${finding.run})`,
    `// Run:     forge test --match-contract ${names.contractName} --match-test ${names.testName}`,
    '//',
    ...(foundry
      ? [
          '// The test inherits the suite, so forge runs its setUp() and deploys the targets where the',
          '// calls below expect them; the calls are the shrunk counterexample, sent as recorded.',
          '// Run it with --match-test: forge would also fuzz the invariants this contract inherits.',
        ]
      : ['// setUp() deploys the contract as Vigil did; the calls are the shrunk counterexample, sent as recorded.']),
    'pragma solidity >=0.8.13 <0.9.0;',
    '',
    `import {${suite.contract}} from "${importPath}";`,
    '',
    '/// The cheatcodes this test uses, with forge-std\'s selectors; declared here so it needs no other import.',
    'interface VigilReproCheats {',
    '    function prank(address msgSender, address txOrigin) external;',
    '    function prank(address msgSender) external;',
    '    function warp(uint256 newTimestamp) external;',
    '    function roll(uint256 newHeight) external;',
    '    function deal(address account, uint256 newBalance) external;',
    '}',
    '',
    `contract ${names.contractName}${foundry ? ` is ${suite.contract}` : ''} {`,
    '    VigilReproCheats private constant cheats_ = VigilReproCheats(address(uint160(uint256(keccak256("hevm cheat code")))));',
    ...(foundry ? [] : [`    ${suite.contract} internal suite_;`]),
    ...setUp,
    '',
    `    function ${names.testName}() public {`,
    ...body.map((l) => (l === '' ? '' : `        ${l}`)),
    '    }',
    '',
    '    /// A call of the sequence: low-level, so a revert (which the fuzzer ignores too) does not end the test.',
    '    function _vigilCall(address target, uint256 value, bytes memory data) private returns (bool success) {',
    '        (success, ) = target.call{value: value}(data);',
    '    }',
    ...(finding.kind === 'assertion'
      ? [
          '',
          '    /// The failing call: its revert is re-thrown, so forge reports the same panic.',
          '    function _vigilCallBubblingRevert(address target, uint256 value, bytes memory data) private {',
          '        (bool success, bytes memory returned) = target.call{value: value}(data);',
          '        if (!success) {',
          '            assembly {',
          '                revert(add(returned, 32), mload(returned))',
          '            }',
          '        }',
          '    }',
        ]
      : []),
    '}',
    '',
  ].join('\n');
  const expected = expectedFailure(suite, finding);
  return {
    source,
    contractName: names.contractName,
    testName: names.testName,
    status: warnings.length === 0 ? 'complete' : 'partial',
    warnings,
    ...(expected !== undefined ? { expectedFailure: expected } : {}),
  };
}

function ending(suite: SuiteRecord, finding: Finding): string[] {
  if (finding.kind === 'assertion') {
    return [`// forge fails on the call above, as Vigil did${finding.location ? ` at ${finding.location.file}:${finding.location.line}` : ''}`];
  }
  // forge-std invariants assert (and revert) themselves; Echidna and Medusa properties return a boolean.
  if (suite.kind === 'foundry') return ['// the suite\'s invariant, which reverts when it does not hold', `${finding.name}();`];
  return [
    `// the suite's property, called as Vigil called it (from ${DEFAULT_ACTORS[0]})`,
    `cheats_.prank(${addressLiteral(DEFAULT_ACTORS[0]!)});`,
    `bool holds = suite_.${finding.name}();`,
    `require(holds, ${stringLiteral(finding.message)});`,
  ];
}

/** What forge's reason starts with, when the report says: a panic, an Error(string), a property's message. */
function expectedFailure(suite: SuiteRecord, finding: Finding): string | undefined {
  if (finding.kind === 'assertion') {
    const decoded = finding.shrunk.calls[finding.shrunk.calls.length - 1]?.result?.decoded ?? '';
    if (decoded.startsWith('Panic(0x01')) return 'panic: assertion failed (0x01)';
    const error = /^Error\("(.*)"\)$/.exec(decoded);
    return error ? error[1] : undefined;
  }
  return suite.kind === 'foundry' ? undefined : finding.message;
}

function toImportPath(relative: string): string {
  const posix = relative.split(path.sep).join('/');
  return posix.startsWith('.') ? posix : `./${posix}`;
}
