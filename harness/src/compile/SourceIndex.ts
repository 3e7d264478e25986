import type { Hex } from 'viem';
import { SourceText } from './SourceText.js';
import type { Artifact, CompileOutput, ContractDefinitionInfo, FunctionDefinitionInfo } from './types.js';

/** A place in the Solidity: `start` is the byte offset of the definition's keyword. */
export interface DefinitionSite {
  /** The contract that writes it (a base contract for an inherited function). */
  contract: string;
  function?: string;
  /** Source unit name. */
  source: string;
  start: number;
}

const KEYWORDS: Record<FunctionDefinitionInfo['kind'], RegExp | undefined> = {
  function: /\bfunction\b/,
  // Before 0.4.22 a constructor was a function named after its contract.
  constructor: /\b(constructor|function)\b/,
  // Before 0.6 the fallback was an unnamed `function ()`.
  fallback: /\b(fallback|function)\b/,
  receive: /\breceive\b/,
  modifier: /\bmodifier\b/,
  getter: undefined,
};

/** Answers "where is this written?" from the contract definitions solc's AST gave (CompileOutput.definitions). */
export class SourceIndex {
  private readonly byId = new Map<number, ContractDefinitionInfo>();
  private readonly texts = new Map<string, SourceText>();

  constructor(private readonly compiled: CompileOutput) {
    for (const d of compiled.definitions ?? []) this.byId.set(d.id, d);
    for (const s of compiled.sources) if (s.content !== '') this.texts.set(s.name, new SourceText(s.content));
  }

  text(source: string): SourceText | undefined {
    return this.texts.get(source);
  }

  /**
   * The function a call with `calldata` runs in a contract compiled as `artifact`: the
   * most derived implementation of its selector among the contract and its bases, else
   * `receive` (empty calldata) or `fallback`, as the EVM dispatch of Solidity decides.
   */
  calledFunction(artifact: Artifact, calldata: Hex): DefinitionSite | undefined {
    const own = (this.compiled.definitions ?? []).find((d) => d.name === artifact.name && d.source === artifact.source);
    if (own === undefined) return undefined;
    const chain = own.linearized.map((id) => this.byId.get(id)).filter((d): d is ContractDefinitionInfo => d !== undefined);
    const selector = calldata.length >= 10 ? calldata.slice(2, 10).toLowerCase() : undefined;
    const pick = (match: (f: FunctionDefinitionInfo) => boolean) => {
      for (const implemented of [true, false]) {
        for (const d of chain) {
          const f = d.functions.find((x) => match(x) && x.implemented === implemented);
          if (f !== undefined) return this.site(d, f);
        }
      }
      return undefined;
    };
    return (selector !== undefined ? pick((f) => f.selector === selector) : undefined)
      ?? (calldata.length <= 2 ? pick((f) => f.kind === 'receive') : undefined)
      ?? pick((f) => f.kind === 'fallback');
  }

  /** The contract and function (or modifier) whose text holds a byte offset of a source. */
  enclosing(source: string, offset: number): { contract: string; function?: string } | undefined {
    const within = (x: { start: number; length: number }) => x.start <= offset && offset < x.start + x.length;
    const contract = (this.compiled.definitions ?? []).find((d) => d.source === source && within(d));
    if (contract === undefined) return undefined;
    const fn = contract.functions.find(within);
    return { contract: contract.name, ...(fn !== undefined ? { function: fn.name } : {}) };
  }

  private site(contract: ContractDefinitionInfo, fn: FunctionDefinitionInfo): DefinitionSite {
    return { contract: contract.name, function: fn.name, source: contract.source, start: this.keywordOffset(contract.source, fn) };
  }

  /** solc's range starts at the keyword today; older releases began it at the documentation, so look. */
  private keywordOffset(source: string, fn: FunctionDefinitionInfo): number {
    const keyword = KEYWORDS[fn.kind];
    const text = this.texts.get(source);
    if (keyword === undefined || text === undefined) return fn.start;
    const body = text.slice(fn.start, fn.length);
    if (new RegExp(`^${keyword.source}`).test(body)) return fn.start;
    // The first line that starts with the keyword: documentation above it may use the word too.
    const m = new RegExp(`(^|\\n)[ \\t]*(?=${keyword.source})`).exec(body);
    return m === null ? fn.start : fn.start + Buffer.byteLength(body.slice(0, m.index + m[0].length), 'utf8');
  }
}
