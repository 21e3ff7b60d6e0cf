/**
 * Known credential formats, as data rows, and the tests that tell a real secret-looking literal from a
 * placeholder, a checksum or a key id. Nothing here returns or logs a value: callers get kinds and offsets.
 */

export interface TokenFormat {
  /** What a message may say (`a GitHub token`); never the value. */
  kind: string;
  /** The variable a fix names the secret after. */
  env: string;
  /** Global regex; the match (or group 1 when present) is the secret. */
  re: RegExp;
}

export const TOKEN_FORMATS: readonly TokenFormat[] = [
  { kind: 'a private key', env: 'PRIVATE_KEY', re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g },
  { kind: 'a GitHub token', env: 'GITHUB_TOKEN', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{40,255})\b/g },
  { kind: 'a GitLab token', env: 'GITLAB_TOKEN', re: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { kind: 'an npm token', env: 'NPM_TOKEN', re: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'a PyPI token', env: 'PYPI_TOKEN', re: /\bpypi-AgE[A-Za-z0-9_-]{40,}/g },
  { kind: 'a Docker Hub token', env: 'DOCKERHUB_TOKEN', re: /\bdckr_pat_[A-Za-z0-9_-]{20,}/g },
  { kind: 'an AWS access key', env: 'AWS_ACCESS_KEY_ID', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { kind: 'a Google API key', env: 'GOOGLE_API_KEY', re: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { kind: 'a Slack token', env: 'SLACK_TOKEN', re: /\bxox[abposr]-[0-9]{6,}-[A-Za-z0-9-]{6,}/g },
  { kind: 'a Slack webhook', env: 'SLACK_WEBHOOK_URL', re: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{16,}/g },
  { kind: 'a Stripe key', env: 'STRIPE_API_KEY', re: /\b[rs]k_live_[A-Za-z0-9]{16,}\b/g },
  { kind: 'an OpenAI or Anthropic key', env: 'OPENAI_API_KEY', re: /\bsk-(?:proj-|ant-(?:api\d\d-)?)?[A-Za-z0-9_-]{32,}/g },
  { kind: 'a Hugging Face token', env: 'HF_TOKEN', re: /\bhf_[A-Za-z]{30,}\b/g },
  { kind: 'a SendGrid key', env: 'SENDGRID_API_KEY', re: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/g },
  { kind: 'a Twilio key', env: 'TWILIO_API_KEY', re: /\bSK[0-9a-f]{32}\b/g },
  { kind: 'a JSON Web Token', env: 'JWT', re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g },
  { kind: 'an Azure storage key', env: 'AZURE_STORAGE_KEY', re: /AccountKey=([A-Za-z0-9+/]{40,}={0,2})/g },
  // user:password@ in a URL: the password part. Not a variable, not a placeholder (checked by callers).
  { kind: 'a password in a URL', env: 'URL_PASSWORD', re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@$'"`]+:([^\s/@$'"`{}<>]+)@[^\s/@]/gi },
];

/** Values that stand for a secret without being one. Compared lower-case, whole value. */
const PLACEHOLDER_RE = [
  /^(?:x+|\*+|\.+|-+|_+|0+|1234(?:5(?:678?)?)?|abc(?:123|def)?|test|testing|tests|demo|dummy|fake|sample|example|placeholder|none|null|nil|undefined|empty|unset|todo|tbd|fixme|secret|password|passwd|pass|token|key|apikey|api_key|changeme|change_me|change-me|changeit|replace_?me|default|foo|bar|foobar|baz|qux|blah|mysecret|mypassword|mytoken|yourpassword|yourtoken|user|username|admin|root|guest|anonymous|anon|notset|not-set|not_set|redacted|hidden|masked|overwrite|override|set_me|setme|dev|local|insecure)$/,
  /^<[^<>]*>$/, // <token>
  /^\{\{[^{}]*\}\}$/, // {{ token }}
  /^%[A-Za-z_][A-Za-z0-9_]*%$/, // %TOKEN%
  /^@[A-Za-z_][A-Za-z0-9_]*@$/, // @TOKEN@
  /^(?:your|my|some|the|a|an|insert|enter|put|add|replace|change|set)[-_ ]?.*(?:here|token|key|secret|password|pass|id|value)$/,
  /(?:^|[-_ ])(?:example|sample|placeholder|dummy|replace[-_]?me|your[-_]|xxxx|redacted)|change[-_]?(?:me|it|this)|^(?:test|dummy|fake|sample|default|demo|dev|my|super)[-_]?(?:pass(?:word)?|pwd|token|key|secret)\d*$/,
];

/** Whether a value is a stand-in (`changeme`, `<token>`, `your-token-here`, `xxxx`, `example…`). */
export function isPlaceholder(value: string): boolean {
  const v = value.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!v) return true;
  return PLACEHOLDER_RE.some((re) => re.test(v));
}

/** Whether a value is (or starts with) an expansion: `$VAR`, `${VAR}`, `$(cmd)`, backticks. */
export function isReference(value: string): boolean {
  return /^\s*["']?(?:\$|`)/.test(value) || /^\s*["']?%[A-Za-z_]+%/.test(value);
}

/** Shannon entropy of a string, in bits per character. */
export function shannonEntropy(s: string): number {
  if (!s.length) return 0;
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Shapes that look random but are not secrets: checksums, key ids and fingerprints, UUIDs, versions, paths. */
const NOT_SECRET_SHAPES: RegExp[] = [
  /^(?:sha\d+|md5)[:-]/i, // sha256:<hex>
  /^[0-9a-f]{32}$|^[0-9a-f]{40}$|^[0-9a-f]{56}$|^[0-9a-f]{64}$|^[0-9a-f]{96}$|^[0-9a-f]{128}$/i, // md5, sha1, sha224, sha256…
  /^(?:0x)?(?:[0-9A-F]{8}|[0-9A-F]{16}|[0-9A-F]{40})$/i, // GPG key ids and fingerprints
  /^(?:[0-9A-F]{4} ?){10}$/, // GPG fingerprint with spaces
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUID
  /^v?\d+(?:\.\d+)+(?:[-+~._][A-Za-z0-9]+)*$|^\d+$/, // versions, numbers
  /^(?:\/|\.\.?\/|~\/)/, // paths
  /^[a-z][a-z0-9+.-]*:\/\//i, // URLs (a password in one is a token format)
  /^[A-Za-z]+(?:[-_ ][A-Za-z]+)*$/, // words only: `my-secret-value`, `postgres`
];

/**
 * Whether a literal in a credential-named place (`API_KEY=…`, `--password …`, `Bearer …`) looks like a real
 * secret: long enough, random enough, and not a placeholder, a reference or a checksum-like shape.
 */
export function looksLikeSecret(value: string): boolean {
  const v = value.trim();
  if (v.length < 8 || v.length > 4096 || /\s/.test(v)) return false;
  if (isReference(v) || v.includes('$') || isPlaceholder(v)) return false;
  if (NOT_SECRET_SHAPES.some((re) => re.test(v))) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(v)).length;
  const h = shannonEntropy(v);
  return classes >= 2 && h >= 3 && h * v.length >= 32;
}

export interface SecretMatch {
  kind: string;
  env: string;
  /** Offsets of the secret inside the scanned text. */
  start: number;
  end: number;
}

/** Every known-format credential in a text, with its offsets (the secret part only, e.g. a URL's password). */
export function findTokens(text: string): SecretMatch[] {
  const out: SecretMatch[] = [];
  for (const f of TOKEN_FORMATS) {
    f.re.lastIndex = 0;
    for (let m = f.re.exec(text); m; m = f.re.exec(text)) {
      if (m[0].length === 0) f.re.lastIndex++;
      const part = m[1] ?? m[0];
      const start = m.index + (m[1] !== undefined ? m[0].lastIndexOf(m[1]) : 0);
      if (f.env === 'URL_PASSWORD' && (isPlaceholder(part) || part.length < 3)) continue;
      if (out.some((o) => start < o.end && o.start < start + part.length)) continue;
      out.push({ kind: f.kind, env: f.env, start, end: start + part.length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The kind of the first known-format credential in a value, or undefined. */
export function tokenKind(value: string | undefined): string | undefined {
  return value ? findTokens(value)[0]?.kind : undefined;
}
