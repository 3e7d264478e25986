/** A Foundry test written for one finding. */
export interface ExportedTest {
  source: string;
  contractName: string;
  testName: string;
  /**
   * `complete`: the test ends with the check and fails as Vigil did. `partial`: the
   * sequence is exported but the failure could not be (see warnings); the test passes.
   */
  status: 'complete' | 'partial';
  warnings: string[];
  /** How forge should report the failure: its reason starts with this. */
  expectedFailure?: string;
  /**
   * The same test with its translated check commented out: what to write instead when a run
   * shows the translation does not fail as Vigil's check did (an overflow, say).
   */
  replayOnlySource?: string;
}
