import type picocolors from 'picocolors';
import type { CallRecord } from '../report/types.js';

type Colors = ReturnType<typeof picocolors.createColors>;
type Values = { name: string; holds: boolean; note?: string }[];

/** One step of a replay trace: the call, its result, events, storage writes, and invariants before → after. */
export function formatTraceStep(index: number, call: CallRecord, before: Values, after: Values, c: Colors): string {
  const lines: string[] = [];
  const jump = call.timeDelta !== '0' || call.blockDelta !== '0' ? ` ${c.dim(`(warp +${call.timeDelta}s, roll +${call.blockDelta})`)}` : '';
  const value = call.value !== '0' ? ` value=${call.value}` : '';
  lines.push(`${c.bold(`[${index + 1}]`)} ${call.sender} → ${call.contractName}.${call.function}(${call.args.join(', ')})${value}${jump}`);
  const r = call.result;
  if (r !== undefined) {
    if (r.status === 'success') lines.push(`    ${c.green('←')} ${r.decoded ?? '(no return value)'}  gas ${r.gasUsed}`);
    else lines.push(`    ${c.red('← REVERT')} ${r.decoded ?? ''}  gas ${r.gasUsed}`);
    for (const e of r.events ?? []) lines.push(`    emit ${e.contract}.${e.name}(${Object.entries(e.args).map(([k, v]) => `${k}: ${v}`).join(', ')})`);
    for (const s of r.storageChanges ?? []) lines.push(`    ${c.dim(`store ${s.address} [${s.slot}] ${s.before} → ${s.after}`)}`);
  }
  for (const a of after) {
    const b = before.find((x) => x.name === a.name);
    const mark = (v: boolean) => (v ? c.green('true') : c.red('false'));
    const changed = b === undefined || b.holds !== a.holds;
    lines.push(`    invariant ${a.name}: ${b ? mark(b.holds) : '?'} → ${mark(a.holds)}${changed ? c.bold(' (changed)') : ''}${a.note && !a.holds ? ` ${c.dim(a.note)}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
