import type { ContractDefinitionInfo, FunctionDefinitionInfo } from './types.js';

interface AstNode {
  nodeType?: string;
  id?: number;
  name?: string;
  src?: string;
  kind?: string;
  contractKind?: string;
  linearizedBaseContracts?: number[];
  functionSelector?: string;
  implemented?: boolean;
  isConstructor?: boolean;
  stateVariable?: boolean;
  nodes?: AstNode[];
}

/**
 * The contracts of solc's compact AST (`sources[unit].ast`), reduced to what locating
 * functions needs, so the compile cache keeps a few kilobytes instead of the whole tree.
 * An AST in another shape (the legacy format of old compilers) yields nothing.
 */
export function readDefinitions(sources: Record<string, { ast?: unknown }>): ContractDefinitionInfo[] {
  const out: ContractDefinitionInfo[] = [];
  for (const [source, { ast }] of Object.entries(sources)) {
    const unit = ast as AstNode | undefined;
    if (unit?.nodeType !== 'SourceUnit') continue;
    for (const node of unit.nodes ?? []) {
      if (node.nodeType !== 'ContractDefinition' || node.id === undefined) continue;
      const [start, length] = range(node.src);
      out.push({
        id: node.id,
        name: node.name ?? '',
        source,
        kind: node.contractKind === 'interface' || node.contractKind === 'library' ? node.contractKind : 'contract',
        start,
        length,
        linearized: node.linearizedBaseContracts ?? [node.id],
        functions: (node.nodes ?? []).flatMap(toFunction),
      });
    }
  }
  return out;
}

function toFunction(node: AstNode): FunctionDefinitionInfo[] {
  const [start, length] = range(node.src);
  const selector = node.functionSelector !== undefined ? { selector: node.functionSelector } : {};
  switch (node.nodeType) {
    case 'FunctionDefinition': {
      // Compilers before 0.6 have no `kind` for fallbacks: an unnamed function is the fallback.
      const kind = node.kind ?? (node.isConstructor ? 'constructor' : node.name === '' ? 'fallback' : 'function');
      if (kind !== 'function' && kind !== 'constructor' && kind !== 'fallback' && kind !== 'receive') return [];
      return [{ name: kind === 'function' ? node.name ?? '' : kind, kind, ...selector, implemented: node.implemented !== false, start, length }];
    }
    case 'ModifierDefinition':
      return [{ name: node.name ?? '', kind: 'modifier', implemented: node.implemented !== false, start, length }];
    case 'VariableDeclaration':
      return node.stateVariable && node.functionSelector !== undefined
        ? [{ name: node.name ?? '', kind: 'getter', ...selector, implemented: true, start, length }]
        : [];
    default:
      return [];
  }
}

/** `start:length:file` → [start, length]. */
function range(src: string | undefined): [number, number] {
  const [s, l] = (src ?? '0:0').split(':');
  return [Number(s) || 0, Number(l) || 0];
}
