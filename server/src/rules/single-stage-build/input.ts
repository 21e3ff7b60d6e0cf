import type { Model, Stage } from '../../core/model';
import type { BuildContext } from '../../core/types';
import type { BuildStep } from './detect';

/** What artifact inference reads. */
export interface InferInput {
  model: Model;
  chain: Stage[];
  stage: Stage;
  steps: BuildStep[];
  context?: BuildContext;
  /** The WORKDIR at the end of the final stage (undefined when it uses variables). */
  workdir?: string;
  /** ENV values and ARG defaults of the chain, last one wins. */
  env: Record<string, string | undefined>;
  /** The words of the effective ENTRYPOINT followed by CMD (static ones), for checks and fallbacks. */
  startWords: string[];
}

/** What the runtime stage takes from the build stage. */
export interface Inferred {
  /** Absolute container paths copied to the same place with `COPY --from=<build>`. */
  artifacts: string[];
  /** Lines written after WORKDIR and before the artifact copies (e.g. the production install). */
  setup?: string[];
  /** Lines right after FROM (OS packages the artifact needs at run time). */
  install?: string[];
}

export type InferResult = Inferred | { reason: string };

export function failed(r: InferResult): r is { reason: string } {
  return 'reason' in r;
}

/** `-o x`, `-o=x`, `--output x`, `--output=x`: the first value of any of the flags. */
export function flagValue(words: (string | undefined)[], names: string[]): string | undefined | null {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === undefined) continue;
    for (const n of names) {
      if (w === n) return words[i + 1] ?? null;
      if (w.startsWith(n + '=')) return w.slice(n.length + 1);
    }
  }
  return undefined;
}

export { positionalWords } from '../../core/words';
