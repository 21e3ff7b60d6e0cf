import type { Rule } from '../core/rule';
import { rule as singleStageBuild } from './single-stage-build';
import { rule as copyBeforeInstall } from './copy-before-install';
import { rule as secretInBuildArg } from './secret-in-build-arg';
import { rule as rootUser } from './root-user';
import { rule as missingDockerignore } from './missing-dockerignore';
import { rule as heavyRuntimeBase } from './heavy-runtime-base';
import { rule as secretInEnv } from './secret-in-env';
import { rule as secretFileInLayer } from './secret-file-in-layer';
import { rule as hardcodedSecret } from './hardcoded-secret';
import { rule as missingCacheMount } from './missing-cache-mount';

/** Every rule, in the order fixes are preferred when they overlap. Each has <id>.ts, <id>.md and test/rules/<id>/. */
export const rules: readonly Rule[] = [
  singleStageBuild,
  copyBeforeInstall,
  secretInBuildArg,
  rootUser,
  missingDockerignore,
  heavyRuntimeBase,
  secretInEnv,
  secretFileInLayer,
  hardcodedSecret,
  missingCacheMount,
];

export function findRule(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}
