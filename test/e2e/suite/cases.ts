// One Dockerfile per rule in the fixture workspace (with the build-context files the rule reads), the diagnostic it
// must produce (0-based range of the offending word/flag/instruction), and the quick fix the user picks.
export interface RuleCase {
  rule: string;
  file: string;
  range: readonly [number, number, number, number];
  fix: string;
  /** test/e2e/fixtures/expected/<expected>: the document after that one quick fix. */
  expected: string;
  /** Files of the build context the fix creates or appends to, with the text they must then hold. */
  files?: Record<string, string>;
}

export const CASES: readonly RuleCase[] = [
  {
    rule: 'single-stage-build',
    file: 'single-stage-build/Dockerfile',
    range: [0, 5, 0, 16],
    fix: 'Split into build and runtime stages',
    expected: 'single-stage-build.Dockerfile',
  },
  {
    rule: 'copy-before-install',
    file: 'copy-before-install/Dockerfile',
    range: [2, 5, 2, 6],
    fix: 'Copy the dependency manifests first',
    expected: 'copy-before-install.Dockerfile',
  },
  {
    rule: 'secret-in-build-arg',
    file: 'secret-in-build-arg/Dockerfile',
    range: [3, 4, 3, 13],
    fix: 'Use a secret mount',
    expected: 'secret-in-build-arg.Dockerfile',
  },
  {
    rule: 'root-user',
    file: 'root-user/Dockerfile',
    range: [0, 5, 0, 19],
    fix: 'Run as a non-root user',
    expected: 'root-user.Dockerfile',
  },
];
