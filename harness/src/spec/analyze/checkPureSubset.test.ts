import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { checkPureSubset } from './checkPureSubset.js';
import { collectModuleBindings } from './collectModuleBindings.js';
import { constructs as c } from './constructs.js';
import { isFunctionLike } from './resolveLibraryCheck.js';

const preamble = "import { sum, forall, exists, implies, old } from 'vigil';\nimport { helper } from './helper.js';\nconst LIMIT = 5n;\n";

/** Constructs reported for `export const check = <code>;`, in source order. */
function outside(code: string, options: { contracts?: string[]; complete?: boolean } = {}): string[] {
  const project = new Project({ useInMemoryFileSystem: true });
  const sourceFile = project.createSourceFile('/check.ts', `${preamble}export const check = ${code};\n`);
  const fn = sourceFile.getVariableDeclarationOrThrow('check').getInitializerOrThrow();
  if (!isFunctionLike(fn)) throw new Error('fixture is not a function');
  return checkPureSubset(fn, {
    contractKeys: new Set(options.contracts ?? ['token', 'vault']),
    contractKeysComplete: options.complete ?? true,
    moduleBindings: collectModuleBindings(sourceFile),
  }).map((issue) => `${issue.construct}: ${issue.text}`);
}

describe('checkPureSubset: inside the subset', () => {
  it.each([
    ['comparison of view calls', 'async ({ token }) => (await token.totalSupply()) >= 0n'],
    ['arithmetic and powers', 'async ({ token }) => (await token.totalSupply()) % 2n + 10n ** 18n * 3n / 1n - 1n >= -1n'],
    ['logic and conditionals', 'async ({ token }) => !(await token.paused()) && (true || false) ? 1n == 1n : 2n != 3n'],
    ['sum over holders', 'async ({ token, holders }) => (await token.totalSupply()) === (await sum(holders, (a) => token.balanceOf(a)))'],
    ['forall and exists over actors and keys', 'async ({ vault, actors, keys }) => forall(actors, async (a) => exists(keys.owners, async (o) => (await vault.owes(a, o)) === 0n))'],
    ['implies over call fields', 'async ({ call }) => implies(call.args[0] !== call.sender, call.result === call.value || call.reverted)'],
    ['old from the context', 'async ({ token, call, old }) => (await token.balanceOf(call.sender)) <= (await old(token).balanceOf(call.sender))'],
    ['old imported, handle alias in a block', 'async ({ token }) => { const before = old(token); const x = await before.totalSupply(); return x >= 0n; }'],
    ['renamed destructuring', 'async ({ token: t }) => (await t.totalSupply()) > 0n'],
    ['type assertions and non-null', 'async ({ call }) => (call.args[1] as bigint)! > (<bigint>call.value)'],
    ['whole-context parameter', 'async (ctx) => (await ctx.token.totalSupply()) >= (await sum(ctx.holders, (a) => ctx["token"].balanceOf(a)))'],
    ['function expression and method-less call', 'async function ({ vault }) { return (await vault.totalAssets()) >= 0n; }'],
    ['shadowing a handle with a callback parameter', 'async ({ token, actors }) => forall(actors, (token) => token !== 0n)'],
  ])('%s', (_name, code) => {
    expect(outside(code)).toEqual([]);
  });
});

describe('checkPureSubset: outside the subset', () => {
  it.each([
    ['ghost value', 'async ({ ghosts }) => ghosts.burned <= 10n', [`${c.ghost}: ghosts.burned`]],
    ['ghost through ctx', 'async (ctx) => ctx.ghosts.burned > 0n', [`${c.ghost}: ctx.ghosts.burned`]],
    ['chain access', 'async ({ chain }) => (await chain.blockNumber()) > 0n', [`${c.chain}: chain.blockNumber()`]],
    ['Math', 'async ({ token }) => Math.max(1, 2) > 0', [`${c.math}: Math.max(1, 2)`]],
    ['BigInt', 'async ({ call }) => BigInt(call.value) > 0n', [`${c.bigIntCall}: BigInt(call.value)`]],
    ['console in a block', 'async ({ call }) => { console.log(call); return true; }', [`${c.console}: console.log(call)`]],
    ['imported function', 'async ({ call }) => helper(call.value)', [`${c.functionCall}: helper(call.value)`]],
    ['imported and module-level names', 'async ({ call }) => call.value > LIMIT', [`${c.moduleIdentifier}: LIMIT`]],
    ['global identifier', 'async ({ call }) => call.result !== undefined', [`${c.freeIdentifier}: undefined`]],
    ['array method', 'async ({ holders }) => holders.some((h) => h === 0n)', [`${c.arrayMethod}: holders.some((h) => h === 0n)`]],
    ['string operation', 'async ({ token }) => (await token.name()).toLowerCase() === (await token.symbol())', [`${c.stringOperation}: (await token.name()).toLowerCase()`]],
    ['string and template literals', 'async ({ call }) => call.sender === `0x${"0"}`', [`${c.templateLiteral}: \`0x\${"0"}\``]],
    ['new', 'async ({ actors }) => new Set(actors).size > 0', [`${c.newExpression}: new Set(actors)`]],
    ['spread argument', 'async ({ token, call }) => token.balanceOf(...call.args) > 0n', [`${c.spread}: ...call.args`]],
    ['loop and let', 'async ({ token, actors }) => { let t = 0n; for (const a of actors) t += 1n; return t > 0n; }', [`${c.letDeclaration}: let t = 0n;`, `${c.loop}: for (const a of actors) t += 1n;`]],
    ['if statement', 'async ({ call }) => { if (call.reverted) return true; return call.value > 0n; }', [`${c.ifStatement}: if (call.reverted) return true;`]],
    ['try/catch and missing return', 'async ({ token }) => { try { return await token.ok(); } catch { return false; } }', [`${c.tryCatch}: try { return await token.ok(); } catch { return false; }`]],
    ['block without return', 'async ({ token }) => { const x = 1n; }', [`${c.missingReturn}: { const x = 1n; }`]],
    ['assignment', 'async ({ call }) => (call.value = 0n) === 0n', [`${c.assignment}: call.value = 0n`]],
    ['nullish and bitwise', 'async ({ call }) => (call.result ?? 0n) + (call.value & 1n) > 0n', [`${c.nullishCoalescing}: call.result ?? 0n`, `${c.bitwise}: call.value & 1n`]],
    ['handle as value', 'async ({ token, call }) => call.sender === token', [`${c.handleAsValue}: token`]],
    ['handle property', 'async ({ token }) => token.abi.length > 0', [`${c.handleProperty}: token.abi`]],
    ['handle address (a constant of the deployment)', 'async ({ token, call }) => call.sender === token.address', []],
    ['unknown context member', 'async ({ oracle }) => (await oracle.price()) > 0n', [`${c.unknownContext}: oracle`]],
    ['non-collection in a quantifier', 'async ({ call }) => forall(call.args, (a) => a !== 0n)', [`${c.notACollection}: call.args`]],
    ['non-inline callback', 'async ({ actors }) => forall(actors, helper)', [`${c.nonInlineCallback}: helper`]],
    ['computed call argument', 'async ({ call }) => call.args[call.value] === 0n', [`${c.computedArgIndex}: call.args[call.value]`]],
    ['old of a non-handle', 'async ({ call }) => old(call) === 0n', [`${c.oldOfNonContract}: old(call)`]],
    ['optional chaining', 'async ({ call }) => call.result?.x === 0n', [`${c.optionalChaining}: call.result?.x`]],
    ['nested destructuring', 'async ({ call: { sender } }) => sender === 0n', [`${c.nestedDestructuring}: call: { sender }`]],
  ])('%s', (_name, code, expected) => {
    expect(outside(code)).toEqual(expected);
  });

  it('reports every offending construct once, never a child of a reported node', () => {
    const found = outside(
      'async ({ token, ghosts }) => Math.max(ghosts.a, 1) > 0 && ghosts.b > 0n && [1, 2].map((x) => ghosts.c).length > 0',
    );
    expect(found).toEqual([`${c.math}: Math.max(ghosts.a, 1)`, `${c.ghost}: ghosts.b`, `${c.arrayMethod}: [1, 2].map((x) => ghosts.c)`]);
  });

  it('takes unknown names for contracts when the contract keys could not be read', () => {
    expect(outside('async ({ oracle }) => (await oracle.price()) > 0n', { contracts: [], complete: false })).toEqual([]);
  });
});
