import type { CompletionItem, Hover } from 'vscode-languageserver';
import { credentialKind, isCredentialName, isNonSecretDefault } from '../knowledge/secrets';
import { tokenKind } from '../knowledge/tokenFormats';

/**
 * dockerfile-language-service shows a variable's value in hovers and completion documentation. A credential
 * value never reaches the editor from us: values of credential-named variables or in a known token format
 * are replaced by a note.
 */
export const HIDDEN = '*(value hidden by Lean Dockerfile: it looks like a credential)*';

export function isCredentialValue(name: string | undefined, value: string): boolean {
  if (credentialKind(value) || tokenKind(value)) return true;
  return !!name && isCredentialName(name) && !isNonSecretDefault(value) && value.trim() !== '';
}

/** The service's hover for a variable is its bare value (a string, not markdown): hide it when it is a credential. */
export function redactHover(hover: Hover | null | undefined, text: string, offset: number): Hover | null {
  if (!hover) return null;
  const value = plainValue(hover.contents);
  if (value === undefined) return hover;
  return isCredentialValue(identifierAt(text, offset), value) ? { ...hover, contents: { kind: 'markdown', value: HIDDEN } } : hover;
}

/** Variable completions carry the value as documentation. */
export function redactCompletion(item: CompletionItem): CompletionItem {
  const doc = item.documentation;
  const value = typeof doc === 'string' ? doc : doc && typeof doc === 'object' && 'value' in doc ? doc.value : undefined;
  if (value === undefined || item.kind !== 6 /* Variable */) return item;
  const name = item.label.replace(/^\$\{?|\}$/g, '');
  return isCredentialValue(name, value) ? { ...item, documentation: { kind: 'markdown', value: HIDDEN } } : item;
}

function plainValue(contents: Hover['contents']): string | undefined {
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return undefined;
  return 'language' in contents ? contents.value : undefined;
}

/** The variable name around an offset (`NPM_TOKEN` in `${NPM_TOKEN}` or `ARG NPM_TOKEN=…`). */
export function identifierAt(text: string, offset: number): string | undefined {
  let s = offset;
  let e = offset;
  while (s > 0 && /\w/.test(text[s - 1])) s--;
  while (e < text.length && /\w/.test(text[e])) e++;
  return e > s ? text.slice(s, e) : undefined;
}
