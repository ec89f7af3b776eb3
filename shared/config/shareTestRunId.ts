// The test suite's global setup runs in vitest's main process; the worker it forks afterwards inherits
// this variable and names its databases after the run (config.test.runId).
export function shareTestRunId(runId: string): void {
  process.env.TEST_RUN_ID = runId;
}
