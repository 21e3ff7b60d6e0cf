import { isRun, type Stage } from '../../core/model';

/** Every command name the chain's RUNs call (to name the tools a smaller variant lacks). */
export function commandsIn(chain: Stage[]): Set<string> {
  const out = new Set<string>();
  for (const s of chain) for (const i of s.instructions) if (isRun(i)) for (const c of i.shell.commands) if (c.name) out.add(c.name);
  return out;
}
