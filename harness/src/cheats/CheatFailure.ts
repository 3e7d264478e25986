/**
 * A cheatcode that fails: the cheat call reverts with `Error(message)`, as forge's do.
 * `assertion` marks failed `vm.assert*` calls, which are findings wherever they happen.
 */
export class CheatFailure extends Error {
  constructor(message: string, readonly kind: 'assertion' | 'usage' | 'unsupported' | 'assume' = 'usage') {
    super(message);
    this.name = 'CheatFailure';
  }
}
