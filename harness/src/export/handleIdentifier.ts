/**
 * Names a contract key may not take in the exported test: Solidity keywords and globals,
 * members of the Test base, and the test's own locals. Such a key gets a trailing `_`.
 */
const taken = new Set([
  // keywords and reserved words
  'abstract', 'after', 'alias', 'anonymous', 'apply', 'as', 'assembly', 'auto', 'break', 'byte', 'calldata', 'case', 'catch',
  'constant', 'constructor', 'continue', 'contract', 'copyof', 'default', 'define', 'delete', 'do', 'else', 'emit', 'enum',
  'error', 'event', 'external', 'fallback', 'false', 'final', 'for', 'function', 'global', 'if', 'immutable', 'implements',
  'import', 'in', 'indexed', 'inline', 'interface', 'internal', 'is', 'let', 'library', 'macro', 'mapping', 'match',
  'memory', 'modifier', 'mutable', 'new', 'null', 'of', 'override', 'partial', 'payable', 'pragma', 'private', 'promise',
  'public', 'pure', 'receive', 'reference', 'relocatable', 'return', 'returns', 'sealed', 'sizeof', 'static', 'storage',
  'struct', 'super', 'supports', 'switch', 'this', 'transient', 'true', 'try', 'type', 'typedef', 'typeof', 'unchecked',
  'unicode', 'using', 'var', 'view', 'virtual', 'while', 'address', 'bool', 'string', 'bytes', 'int', 'uint', 'fixed', 'ufixed',
  'wei', 'gwei', 'ether', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'years',
  // globals
  'abi', 'block', 'msg', 'tx', 'now', 'gasleft', 'blockhash', 'blobhash', 'keccak256', 'sha256', 'ripemd160', 'ecrecover',
  'addmod', 'mulmod', 'selfdestruct', 'assert', 'require', 'revert',
  // the Test base and the exported test
  'vm', 'VM_ADDRESS', 'IS_TEST', 'bound', 'deal', 'hoax', 'skip', 'rewind', 'makeAddr', 'makeAddrAndKey', 'fail', 'setUp',
  'assertTrue', 'assertFalse', 'assertEq', 'assertNotEq', 'assertLt', 'assertGt', 'assertLe', 'assertGe',
  'targetContract', 'targetContracts', 'targetSelector', 'targetSelectors', 'targetSender', 'targetSenders',
  'excludeContract', 'excludeContracts', 'excludeSender', 'excludeSenders', 'excludeSelector', 'excludeSelectors',
  'callOk', 'callReturn', '_callMayRevert', '_callBubblingRevert',
]);

export function handleIdentifier(key: string): string {
  const clean = /^[A-Za-z_$][\w$]*$/.test(key) ? key : key.replace(/[^\w$]/g, '_');
  const reserved = taken.has(clean) || /^u?int\d+$/.test(clean) || /^bytes\d+$/.test(clean) || /^pre\d+$/.test(clean);
  return reserved ? `${clean}_` : clean;
}
