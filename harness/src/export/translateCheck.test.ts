import { Node, Project } from 'ts-morph';
import { parseAbi, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../spec/analyze/AnalysisSession.js';
import { isFunctionLike } from '../spec/analyze/resolveLibraryCheck.js';
import { resolveCheckFunction, Resolver } from './resolveCheckFunction.js';
import { translateCheck, type TranslationContext, type TranslationResult } from './translateCheck.js';

const A1: Hex = '0x0000000000000000000000000000000000010000';
const A2: Hex = '0x0000000000000000000000000000000000020000';
const TOKEN: Hex = '0xa647ff3c36cfab592509e13860ab8c4f28781a66';

const tokenAbi = parseAbi([
  'function totalSupply() view returns (uint256)',
  'function balanceOf(address) view returns (uint256)',
  'function decimals() view returns (uint8)',
  'function delta() view returns (int256)',
  'function transfer(address,uint256) returns (bool)',
  'function mint(address,uint256)',
]);
const vaultAbi = parseAbi(['function convertToAssets(uint256) view returns (uint256)', 'function withdraw(uint256,address,address) returns (uint256)']);

function context(extra: Partial<TranslationContext> = {}): TranslationContext {
  return {
    contracts: new Map([['token', { ident: 'token', abi: tokenAbi }], ['vault', { ident: 'vault', abi: vaultAbi }]]),
    actors: [A1, A2],
    holders: [A1, A2, TOKEN],
    uintKeys: [],
    ghosts: { before: { minted: 5n }, after: { minted: 7n } },
    callOkVar: 'callOk',
    callReturnVar: 'callReturn',
    ...extra,
  };
}

/** Translates the first function in `code` (written as a spec would, importing the helpers). */
function translate(code: string, ctx = context()): TranslationResult {
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile('/check.ts', `import { sum, forall, exists, implies } from 'vigil';\nexport const check = ${code};`);
  const fn = file.getDescendants().find((n) => isFunctionLike(n) && !Node.isFunctionDeclaration(n));
  if (!fn || !isFunctionLike(fn)) throw new Error('no function in fixture');
  return translateCheck(fn, new Map(), new Resolver(createAnalysisSession(project)), ctx);
}

function code(r: TranslationResult): string {
  if (!r.ok) throw new Error(`not translated: ${r.construct} ${r.text ?? ''}`);
  return r.translation.expression.code;
}

describe('translateCheck: library checks of the example specs', () => {
  it('unrolls sum over the holders Vigil had into one Solidity comparison', () => {
    const found = resolveCheckFunction('specs/TokenBuggy.spec.ts', 'invariant', 'supplyIsSumOfBalances');
    if (!found.ok) throw new Error(found.reason);
    const r = translateCheck(found.check.fn, found.check.env, new Resolver(found.check.session), context());
    expect(code(r)).toBe(
      'token.totalSupply() == token.balanceOf(0x0000000000000000000000000000000000010000) + token.balanceOf(0x0000000000000000000000000000000000020000) + token.balanceOf(0xA647ff3c36cFab592509E13860ab8c4F28781a66)',
    );
  });

  it('reads old(...) into locals before the call and folds call fields known at export time', () => {
    const found = resolveCheckFunction('specs/TokenBuggy.spec.ts', 'property', 'transferConserves');
    if (!found.ok) throw new Error(found.reason);
    const call = { sender: A1, args: [A2, 5n], value: 0n, fn: tokenAbi[4] };
    const r = translateCheck(found.check.fn, found.check.env, new Resolver(found.check.session), context({ call }));
    expect(code(r)).toBe(
      '!callOk || (token.balanceOf(0x0000000000000000000000000000000000010000) + token.balanceOf(0x0000000000000000000000000000000000020000) == pre0 + pre1' +
        ' && token.balanceOf(0x0000000000000000000000000000000000020000) == pre1 + 5)',
    );
    expect(r.ok && r.translation.preState.map((p) => `${p.type} ${p.name} = ${p.code}`)).toEqual([
      'uint256 pre0 = token.balanceOf(0x0000000000000000000000000000000000010000)',
      'uint256 pre1 = token.balanceOf(0x0000000000000000000000000000000000020000)',
    ]);
    expect(r.ok && r.translation.usesCallOk).toBe(true);
  });

  it('follows a constant passed through two library functions back to the spec (unit = 10n ** 36n)', () => {
    const found = resolveCheckFunction('specs/VaultBuggy.spec.ts', 'property', 'sharePriceNeverDecreases');
    if (!found.ok) throw new Error(found.reason);
    const r = translateCheck(found.check.fn, found.check.env, new Resolver(found.check.session), context({ call: { sender: A1, args: [], value: 0n, fn: vaultAbi[1] } }));
    expect(code(r)).toBe('vault.convertToAssets(1e36) >= pre0');
  });

  it('names the construct that keeps a library check out, with its file and line', () => {
    const found = resolveCheckFunction('specs/TokenBuggy.spec.ts', 'property', 'onlyOwnerPauses');
    if (!found.ok) throw new Error(found.reason);
    const r = translateCheck(found.check.fn, found.check.env, new Resolver(found.check.session), context({ call: { sender: A1, args: [A2, 1n], value: 0n, fn: tokenAbi[4] } }));
    expect(r).toMatchObject({ ok: false, construct: 'contract handle property', at: expect.stringMatching(/^invariants\/access\.ts:\d+$/) });
  });
});

describe('translateCheck: expressions', () => {
  it('keeps JavaScript precedence with as few parentheses as Solidity needs', () => {
    expect(code(translate('async ({ token }) => ((await token.totalSupply()) + 1n) * 2n > 10n'))).toBe('(token.totalSupply() + 1) * 2 > 10');
    expect(code(translate('async ({ token }) => (await token.totalSupply()) - ((await token.totalSupply()) - 1n) === 1n'))).toBe('token.totalSupply() - (token.totalSupply() - 1) == 1');
  });

  it('folds constants with bigint semantics (7n / 2n is 3) and writes round numbers readably', () => {
    expect(code(translate('async ({ token }) => (await token.totalSupply()) === 7n / 2n + 10n ** 18n'))).toBe('token.totalSupply() == 1000000000000000003');
    expect(code(translate('async ({ token }) => (await token.totalSupply()) <= 2n ** 256n - 1n'))).toBe('token.totalSupply() <= type(uint256).max');
    expect(code(translate('async ({ token }) => (await token.totalSupply()) > 3000n * 10n ** 18n'))).toBe('token.totalSupply() > 3000e18');
  });

  it('widens small integer types and gives a constant base a type (2 ** x would be uint8)', () => {
    expect(code(translate('async ({ token }) => 10n ** (await token.decimals()) > 0n'))).toBe('uint256(10) ** uint256(token.decimals()) > 0');
  });

  it('translates implies, exists, forall over actors, ternaries, ghosts and chain facts', () => {
    expect(code(translate('async ({ token, actors }) => implies((await token.totalSupply()) > 0n, await exists(actors, async (a) => (await token.balanceOf(a)) > 0n))'))).toBe(
      '!(token.totalSupply() > 0) || (token.balanceOf(0x0000000000000000000000000000000000010000) > 0 || token.balanceOf(0x0000000000000000000000000000000000020000) > 0)',
    );
    expect(code(translate('async ({ token }) => ((await token.totalSupply()) > 5n ? 1n : 2n) === 1n'))).toBe('(token.totalSupply() > 5 ? uint256(1) : uint256(2)) == 1');
    expect(code(translate('async ({ token, ghosts }) => (await token.totalSupply()) === ghosts.minted'))).toBe('token.totalSupply() == 7 /* ghosts.minted */');
    expect(code(translate('async ({ chain, token }) => chain.timestamp > 0n && (await chain.balanceOf(token.address)) === 0n'))).toBe(
      'block.timestamp > 0 && address(token).balance == 0',
    );
  });

  it('reads a block body of const bindings and a whole context object', () => {
    expect(code(translate('async (ctx) => { const supply = await ctx.token.totalSupply(); return forall(ctx.actors, async (a) => (await ctx.token.balanceOf(a)) <= supply); }'))).toBe(
      'token.balanceOf(0x0000000000000000000000000000000000010000) <= token.totalSupply() && token.balanceOf(0x0000000000000000000000000000000000020000) <= token.totalSupply()',
    );
  });

  it('decodes call.result from the return data and reads old(ghosts) as the value before the call', () => {
    const call = { sender: A1, args: [1n, A1, A1], value: 0n, fn: vaultAbi[1] };
    const r = translate('async ({ call, old, ghosts }) => call.reverted || (call.result > old(ghosts).minted && ghosts.minted > 6n)', context({ call }));
    // ghosts.minted > 6n is known to hold (7 > 6), so only the part forge must evaluate is left.
    expect(code(r)).toBe('!callOk || abi.decode(callReturn, (uint256)) > 5 /* old(ghosts).minted */');
    expect(r.ok && r.translation.usesCallReturn).toBe(true);
  });
});

describe('translateCheck: what it leaves out, by name', () => {
  it.each([
    ['async ({ token, actors }) => { let s = 0n; for (const a of actors) s += await token.balanceOf(a); return s > 0n; }', 'let declaration'],
    ['async ({ token }) => Math.max(1, 2) > 0', 'free identifier'],
    ['async ({ token }) => (await token.delta()) > (await token.totalSupply())', 'signed and unsigned integers mixed'],
    ['async ({ token, old }) => (await old(token).totalSupply()) > 0n', 'unknown context value old'],
    ['async ({ token }) => (await token.mint(\'0x0000000000000000000000000000000000010000\', 1n)) === undefined', 'call of state-changing mint'],
    ['async ({ holders }) => holders.map((h) => h).length > 0', 'array method'],
  ])('%s', (check, construct) => {
    expect(translate(check)).toMatchObject({ ok: false, construct, at: expect.stringMatching(/check\.ts:2$/) });
  });
});
