/**
 * Positional words of a command line: flags are skipped, and so is the value that follows a flag named in
 * `valued` (`--prefix dir`); `--flag=value` is one word. A lone `-` (stdin) is positional. Words whose text is
 * unknown (dynamic) are kept. Shared by the knowledge tables and rules that read package-manager command lines.
 */
export function positionalWords<T>(
  words: readonly T[],
  valued: ReadonlySet<string> | readonly string[],
  text: (w: T) => string | undefined = (w) => w as unknown as string | undefined,
): T[] {
  const takesValue = (f: string) => (valued instanceof Set ? valued.has(f) : (valued as readonly string[]).includes(f));
  const out: T[] = [];
  for (let i = 0; i < words.length; i++) {
    const t = text(words[i]);
    if (t !== undefined && t.startsWith('-') && t.length > 1) {
      if (!t.includes('=') && takesValue(t)) i++;
      continue;
    }
    out.push(words[i]);
  }
  return out;
}
