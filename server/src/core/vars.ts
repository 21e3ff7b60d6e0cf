/**
 * Variable references in Dockerfile and shell text, found by scanning (never by a RegExp built from a name:
 * ENV/ARG names in real files hold `:-$(`, dots and brackets).
 */

const REFERENCE = /\$(?:\{[#!]?([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Names referenced as `$NAME`, `${NAME}`, `${NAME:-x}`, `${#NAME}`…, in order. */
export function referencedNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    // `\$NAME` is a literal dollar sign (Dockerfile and shell alike): an odd run of backslashes before it.
    let k = m.index!;
    while (k > 0 && text[k - 1] === '\\') k--;
    if ((m.index! - k) % 2 === 0) out.push(m[1] ?? m[2]);
  }
  return out;
}

/** Whether the text references the variable (`$NAME` but not `$NAMES`; any `${NAME…}` form). */
export function referencesVariable(text: string, name: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || !text.includes(name)) return false;
  return referencedNames(text).includes(name);
}

/** Whether a value is exactly a reference to the variable: `$NAME` or `${NAME}` (blanks around allowed). */
export function isVariableReference(value: string, name: string): boolean {
  const v = value.trim();
  return v === '$' + name || v === '${' + name + '}';
}
