/**
 * forge cheatcodes Vigil does not implement, so a call to one fails naming it rather
 * than an anonymous selector. Anything not here and not implemented is named by selector.
 */
export const unsupportedCheats = [
  'mockCall(address,bytes,bytes)', 'mockCall(address,uint256,bytes,bytes)', 'mockCallRevert(address,bytes,bytes)', 'clearMockedCalls()',
  'expectCall(address,bytes)', 'expectCall(address,uint256,bytes)', 'record()', 'accesses(address)', 'recordLogs()', 'getRecordedLogs()',
  'snapshot()', 'snapshotState()', 'revertTo(uint256)', 'revertToState(uint256)', 'createFork(string)', 'createSelectFork(string)',
  'selectFork(uint256)', 'rollFork(uint256)', 'makePersistent(address)', 'ffi(string[])', 'readFile(string)', 'writeFile(string,string)',
  'broadcast()', 'startBroadcast()', 'stopBroadcast()', 'fee(uint256)', 'chainId(uint256)', 'coinbase(address)', 'txGasPrice(uint256)',
  'prevrandao(bytes32)', 'difficulty(uint256)', 'skip(bool)', 'pauseGasMetering()', 'resumeGasMetering()', 'expectPartialRevert(bytes4)',
  'expectRevert(bytes4,address)', 'expectRevert(bytes,address)', 'assumeNoRevert()', 'deal(address,address,uint256)',
] as const;
