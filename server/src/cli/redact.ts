import { credentialKind, isCredentialName, isNonSecretDefault } from '../knowledge/secrets';

export const MASK = '***';

/**
 * Masks credential values in text the CLI prints from a Dockerfile (the lines of a diff): values of ARG/ENV
 * assignments whose names mark a credential, and anything shaped like a known token. Returns the text and
 * whether anything was masked.
 */
export function redactLine(line: string): { text: string; masked: boolean } {
  let masked = false;
  let text = line.replace(
    /(\b(?:ARG|ENV)\s+)((?:[^\s=]+(?:=(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s]*))?\s*)+)/i,
    (_m, head: string, rest: string) =>
      head +
      rest.replace(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|[^\s]*)/g, (a, name: string, value: string) => {
        const bare = value.replace(/^["']|["']$/g, '');
        if (!bare || !isCredentialName(name) || isNonSecretDefault(bare) || /^\$\{?\w+\}?$/.test(bare)) return a;
        masked = true;
        return `${name}=${MASK}`;
      }),
  );
  text = text.replace(/[^\s"'`]+/g, (token) => {
    const eq = token.indexOf('=');
    const value = eq >= 0 ? token.slice(eq + 1) : token;
    if (value === MASK || !credentialKind(value)) return token;
    masked = true;
    return eq >= 0 ? token.slice(0, eq + 1) + MASK : MASK;
  });
  return { text, masked };
}

/** Masks every line of a multi-line text (keeping its line breaks). */
export function redact(text: string): { text: string; masked: boolean } {
  let masked = false;
  const out = text.replace(/[^\r\n]+/g, (line) => {
    const r = redactLine(line);
    masked ||= r.masked;
    return r.text;
  });
  return { text: out, masked };
}
