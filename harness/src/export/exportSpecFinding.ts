import path from 'node:path';
import { defaultSettings } from '../campaign/CampaignSettings.js';
import { openSession } from '../campaign/openSession.js';
import type { SpecSession } from '../campaign/SpecSession.js';
import { VigilError } from '../errors/VigilError.js';
import type { Finding, Report } from '../report/types.js';
import { vigilVersion } from '../version.js';
import { captureSetUpState, type SetUpState } from './captureSetUpState.js';
import type { ExportedTest } from './ExportedTest.js';
import { exportNames } from './exportNames.js';
import { handleIdentifier } from './handleIdentifier.js';
import { renderAssertion } from './renderAssertion.js';
import { renderCall, type CallMode, type CallTarget } from './renderCall.js';
import { renderSpecTest } from './renderSpecTest.js';
import { replayFinding, type ReplayedFinding } from './replayFinding.js';
import { resolveCheckFunction, Resolver } from './resolveCheckFunction.js';
import { addressLiteral, hexBytesLiteral, uintLiteral, wordLiteral } from './solidityLiterals.js';
import { toSolidityInterface } from './toSolidityInterface.js';
import { translateCheck, type ContractRef, type TranslationResult } from './translateCheck.js';

export interface SpecExportRequest {
  report: Report;
  /** As the user wrote it, for the header. */
  reportPath: string;
  finding: Finding;
  /** The spec file the finding came from, root-relative. */
  specFile: string;
  root: string;
}

/** The chain id Vigil's chain runs with (TestChain is built on Mainnet's Common). */
const VIGIL_CHAIN_ID = 1n;

/**
 * A self-contained Foundry test for a finding of a TypeScript spec: the spec is opened
 * (compiled, deployed, set up) and the counterexample re-run as `vigil replay` does;
 * setUp() rebuilds the post-set-up chain, the test replays the calls and ends with the
 * check translated to Solidity, or with the failing call for an assertion.
 */
export async function exportSpecFinding(req: SpecExportRequest): Promise<ExportedTest> {
  const { finding, root } = req;
  const session = await openSession(path.resolve(root, req.specFile), {
    root,
    cacheDir: path.join(root, '.vigil', 'cache', 'compile'),
    settings: defaultSettings,
    // Assertion findings need assertion mode even if the spec's `fuzz` block turns it off now.
    overrides: { assertions: true, coverage: false },
  });
  const state = await captureSetUpState(session, finding.shrunk.calls.flatMap((c) => [c.sender, ...c.args.filter(isAddressText)]));
  const outcome = await replayFinding(session, finding);
  if (!outcome.ok) {
    throw new VigilError('REPORT_INVALID', `cannot export ${finding.id}: ${outcome.problem}`, {
      hint: 'The spec or its contracts changed since the report was written: run `vigil run` again, then export.',
    });
  }
  return new SpecTestBuilder(req, session, state, outcome.replayed).build();
}

class SpecTestBuilder {
  private readonly warnings: string[] = [];
  private readonly helpers = new Set<'mayRevert' | 'bubble'>();
  private readonly targets = new Map<string, CallTarget & ContractRef>();
  private readonly names;

  constructor(
    private readonly req: SpecExportRequest,
    private readonly session: SpecSession,
    private readonly state: SetUpState,
    private readonly replayed: ReplayedFinding,
  ) {
    this.names = exportNames(session.name, req.finding);
    const interfaces = new Map<string, ReturnType<typeof toSolidityInterface>>();
    for (const c of session.deployment.contracts) {
      const iface = interfaces.get(c.name) ?? toSolidityInterface(`I${c.name}`, c.abi);
      interfaces.set(c.name, iface);
      this.targets.set(c.key, { ident: handleIdentifier(c.key), iface, abi: c.abi });
    }
  }

  build(): ExportedTest {
    const { finding } = this.req;
    const { failedAt } = this.replayed;
    if (failedAt === undefined) {
      this.warnings.push(`the counterexample no longer fails in Vigil (the code changed, or this is another contract): the exported test is expected to pass`);
    }
    const translation = finding.kind === 'assertion' ? undefined : this.translate();
    const calls = this.calls(translation);
    const ending = this.ending(translation);
    const status = ending.complete && failedAt !== undefined ? 'complete' : 'partial';
    const render = (endLines: string[]) => renderSpecTest({
      header: this.header(),
      contractName: this.names.contractName,
      testName: this.names.testName,
      interfaces: [...new Set([...this.targets.values()].map((t) => t.iface))].map((i) => i.source),
      handles: this.session.deployment.contracts.map((c) => ({
        ident: this.targets.get(c.key)!.ident,
        type: this.targets.get(c.key)!.iface.name,
        address: addressLiteral(c.address),
        comment: `${c.key}: ${c.name}`,
      })),
      setUp: this.setUp(),
      body: [...calls, '', ...endLines],
      helpers: this.helpers,
    });
    const translated = finding.kind !== 'assertion' && ending.complete;
    return {
      source: render(ending.lines),
      contractName: this.names.contractName,
      testName: this.names.testName,
      status,
      warnings: this.warnings,
      ...(ending.complete ? { expectedFailure: ending.expected } : {}),
      ...(translated ? { replayOnlySource: render(this.commentedOut(ending.lines)) } : {}),
    };
  }

  private commentedOut(lines: string[]): string[] {
    return [
      `// Check by hand: Vigil found "${this.req.finding.message}" after the call above. Translated to`,
      '// Solidity, the check did not fail that way here (`vigil export` said why); as translated:',
      ...lines.filter((l) => !l.startsWith('//')).map((l) => `// ${l}`),
    ];
  }

  private header(): string[] {
    const { finding, report, reportPath, specFile } = this.req;
    const { failedAt, calls } = this.replayed;
    const lines = [
      `Generated by \`vigil export --foundry\` (Vigil ${vigilVersion}; report written by Vigil ${report.tool.version}).`,
      `Finding: ${finding.id}`,
      `         ${finding.message}`,
      `Spec:    ${specFile}${finding.location ? `, check at ${finding.location.file}:${finding.location.line}` : ''}`,
      `Seed:    ${finding.seed} (run ${finding.run})`,
      `Replay:  ${finding.replayCommand.replace(/vigil replay \S+/, `vigil replay ${reportPath}`)}`,
      `Run:     forge test --match-test ${this.names.testName}`,
      '',
      'setUp() rebuilds the chain as the spec\'s set-up left it in Vigil (code, storage, balances, clock);',
      'the test replays the shrunk counterexample, then checks what Vigil found broken.',
    ];
    if (this.session.name !== finding.spec) lines.push(`Exported against spec ${this.session.name}, not ${finding.spec}.`);
    if (failedAt !== undefined && failedAt < calls.length - 1) {
      lines.push(`The check already fails after call ${failedAt + 1} of ${calls.length}; the calls after it are left out.`);
    }
    return lines;
  }

  private setUp(): string[] {
    const { block, accounts, readsChainId } = this.state;
    const lines: string[] = [];
    if (readsChainId) lines.push(`vm.chainId(${VIGIL_CHAIN_ID}); // the code reads CHAINID: Vigil's chain id`);
    lines.push(`vm.warp(${block.timestamp});`, `vm.roll(${block.number});`);
    const byAddress = new Map(this.session.deployment.contracts.map((c) => [c.address.toLowerCase(), c]));
    for (const account of accounts) {
      const address = addressLiteral(account.address);
      const known = byAddress.get(account.address);
      if (account.code !== undefined) {
        const ident = known && this.targets.get(known.key)!.ident;
        const where = ident ? `address(${ident})` : address;
        lines.push('', known ? `// ${known.key}: ${known.name}` : `// a contract the set-up created at ${address}`);
        lines.push(`vm.etch(${where}, ${hexBytesLiteral(account.code)});`);
        for (const [slot, value] of account.storage) lines.push(`vm.store(${where}, ${wordLiteral(slot)}, ${wordLiteral(value)});`);
        if (account.balance > 0n) lines.push(`vm.deal(${where}, ${uintLiteral(account.balance)});`);
        // vm.etch leaves nonce 0; a CREATE during the sequence must land where it did in Vigil.
        if (account.nonce !== undefined) lines.push(`vm.setNonce(${where}, ${account.nonce});`);
        lines.push(`vm.label(${where}, "${known ? known.key : address}");`);
      }
    }
    const funded = accounts.filter((a) => a.code === undefined);
    if (funded.length > 0) lines.push('', '// actors, deployer and senders');
    for (const a of funded) lines.push(`vm.deal(${addressLiteral(a.address)}, ${uintLiteral(a.balance)});`);
    return lines;
  }

  private translate(): TranslationResult {
    const { finding } = this.req;
    const kind = finding.kind as 'invariant' | 'property';
    const lookup = resolveCheckFunction(this.session.file, kind, finding.name);
    if (!lookup.ok) return { ok: false, construct: lookup.reason };
    const { executed, holders, uintKeys, ghostsBefore, ghostsAfter } = this.replayed;
    const last = executed[executed.length - 1];
    return translateCheck(lookup.check.fn, lookup.check.env, new Resolver(lookup.check.session), {
      contracts: this.targets,
      actors: this.session.deployment.actors,
      holders,
      uintKeys,
      ghosts: { before: ghostsBefore, after: ghostsAfter },
      ...(kind === 'property' && last
        ? { call: { sender: last.call.sender, args: last.call.args, value: last.call.value, fn: last.call.target.fn } }
        : {}),
      callOkVar: 'callOk',
      callReturnVar: 'callReturn',
    });
  }

  private calls(translation: TranslationResult | undefined): string[] {
    const { finding } = this.req;
    const { executed } = this.replayed;
    const lines: string[] = [];
    executed.forEach((ex, i) => {
      const last = i === executed.length - 1;
      const record = finding.shrunk.calls[i]!;
      const reverted = ex.reverted;
      const reason = reverted ? ex.revertReason() : undefined;
      if (i > 0) lines.push('');
      lines.push(`// ${i + 1}. ${record.contract}.${ex.call.target.fn.name}(${record.args.join(', ')}) from ${record.sender}${reverted ? ` (reverted in Vigil: ${reason})` : ''}`);
      if (ex.call.timeDelta !== 0n) lines.push(`vm.warp(block.timestamp + ${ex.call.timeDelta});`);
      if (ex.call.blockDelta !== 0n) lines.push(`vm.roll(block.number + ${ex.call.blockDelta});`);
      let mode: CallMode = reverted ? 'may-revert' : 'typed';
      let retUsed = false;
      if (last && finding.kind === 'assertion') mode = 'must-fail';
      if (last && translation?.ok && (translation.translation.usesCallOk || translation.translation.usesCallReturn)) {
        mode = 'capture';
        retUsed = translation.translation.usesCallReturn;
      }
      if (last && translation?.ok && translation.translation.preState.length > 0) {
        lines.push('// state before the call, read by old(...) in the property');
        for (const p of translation.translation.preState) lines.push(`${p.type} ${p.name} = ${p.code};`);
      }
      const sender = addressLiteral(ex.call.sender);
      lines.push(`vm.prank(${sender}, ${sender});`);
      const rendered = renderCall(
        { fn: ex.call.target.fn, args: ex.call.args, data: ex.call.data, value: ex.call.value },
        this.targets.get(ex.call.target.contract.key)!,
        mode,
        { ok: 'callOk', ret: 'callReturn', retUsed },
      );
      if (rendered.helper) this.helpers.add(rendered.helper);
      lines.push(...rendered.lines);
    });
    return lines;
  }

  private ending(translation: TranslationResult | undefined): { lines: string[]; complete: boolean; expected?: string } {
    const { finding } = this.req;
    const last = this.replayed.executed[this.replayed.executed.length - 1];
    if (finding.kind === 'assertion') {
      const at = finding.location ? `${finding.location.file}:${finding.location.line}` : finding.name;
      if (finding.name.endsWith(':AssertionFailed')) {
        this.warnings.push('the finding is an AssertionFailed event, which forge does not treat as a failure: the test only replays the sequence');
        return { lines: ['// Vigil saw an AssertionFailed event in the last call; forge does not fail on events. Check by hand.'], complete: false };
      }
      if (last && !last.reverted) {
        this.warnings.push(`the assert at ${at} fails in an inner call whose revert the caller catches: forge does not fail on it, so the test only replays the sequence`);
        return { lines: [`// The assert at ${at} failed inside the last call, and its caller caught the revert. Check by hand.`], complete: false };
      }
      return { lines: [`// forge fails on the call above: panic: assertion failed (0x01), the assert at ${at}`], complete: true, expected: 'panic: assertion failed (0x01)' };
    }
    if (!translation?.ok) {
      const why = translation ? describeUntranslated(translation) : 'no check';
      this.warnings.push(`the ${finding.kind} ${finding.name} could not be translated to Solidity (${why}): the test replays the sequence and leaves the check to you`);
      return {
        lines: [
          `// Check by hand: Vigil found "${finding.message}" after the call above.`,
          `// The ${finding.kind} could not be translated to Solidity: ${why}.`,
        ],
        complete: false,
      };
    }
    return {
      lines: [`// the ${finding.kind} as written in the spec${finding.location ? ` (${finding.location.file}:${finding.location.line})` : ''}, translated`, ...renderAssertion(translation.translation.expression, finding.message)],
      complete: true,
      expected: finding.message,
    };
  }
}

function describeUntranslated(t: Extract<TranslationResult, { ok: false }>): string {
  return [t.construct, t.at && `at ${t.at}`, t.text && `\`${t.text}\``].filter(Boolean).join(' ');
}

function isAddressText(s: string): boolean {
  return /^0x[0-9a-fA-F]{40}$/.test(s);
}

