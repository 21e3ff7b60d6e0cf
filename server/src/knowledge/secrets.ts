/**
 * What marks a credential: variable names (like BuildKit's SecretsUsedInArgOrEnv, with a wider allow-list)
 * and values in the formats of well-known tokens. Functions here never return or log a value.
 */

/** Words that mark a credential when they are a whole word of the name (`DB_PASS`, `apiKey`). */
const DENY_WORDS = new Set([
  'token', 'tokens', 'secret', 'secrets', 'password', 'passwords', 'passwd', 'pword', 'pass', 'passphrase', 'pwd',
  'apikey', 'credential', 'credentials', 'creds', 'auth', 'authtoken', 'key', 'pat', 'privatekey', 'accesskey',
]);

/** Endings that mark a credential even inside one word (`NPMTOKEN`, `dbpassword`, `clientsecret`). */
const DENY_SUFFIXES = ['token', 'password', 'passwd', 'secret', 'apikey', 'privatekey', 'accesskey', 'authkey', 'credentials'];

/**
 * Words that make a name describe something about a credential rather than hold one: where it lives
 * (`TOKEN_FILE`, `PASSWORD_PATH`, `AUTH_URL`), what it is called (`SECRET_NAME`, `KEY_ID`), public or
 * non-secret keys (`PUBLIC_KEY`, `GPG_KEY`, `CACHE_KEY`), and settings (`AUTH_TYPE`, `TOKEN_TTL`).
 */
const ALLOW_WORDS = new Set([
  'public', 'pub', 'file', 'files', 'path', 'dir', 'directory', 'url', 'uri', 'endpoint', 'host', 'hostname', 'server',
  'version', 'name', 'id', 'user', 'username', 'type', 'length', 'size', 'ttl', 'expiry', 'expires', 'expiration',
  'mode', 'method', 'enabled', 'enable', 'disable', 'disabled', 'required', 'header', 'prefix', 'suffix', 'format',
  'algorithm', 'gpg', 'pgp', 'fingerprint', 'keyring', 'keyserver', 'keyid', 'location', 'count', 'timeout', 'port',
  'realm', 'scope', 'scopes', 'provider', 'domain', 'issuer', 'cache', 'sort', 'primary', 'foreign', 'partition',
  'repo', 'apt', 'dummy', 'example', 'placeholder', 'len', 'policy', 'rotation', 'store', 'helper', 'plugin',
]);

/** Splits `NPM_TOKEN`, `npm-token`, `npmToken`, `NPMToken` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Whether a variable name marks a credential. */
export function isCredentialName(name: string): boolean {
  const words = nameWords(name);
  if (!words.length || words.some((w) => ALLOW_WORDS.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    // PWD alone is the shell's working directory.
    if (w === 'pwd' && words.length === 1) continue;
    // nginx's fastcgi_pass / proxy_pass name an upstream, not a password.
    if (w === 'pass' && i > 0 && ['fastcgi', 'proxy', 'uwsgi', 'scgi', 'grpc', 'memcached'].includes(words[i - 1])) continue;
    if (DENY_WORDS.has(w)) return true;
    if (DENY_SUFFIXES.some((s) => w.length > s.length && w.endsWith(s))) return true;
    if ((w === 'api' || w === 'private' || w === 'access' || w === 'client') && (words[i + 1] === 'key' || words[i + 1] === 'secret')) return true;
  }
  return false;
}

/** Known token formats. `kind` is what a message may say; never the value. */
const VALUE_PATTERNS: { kind: string; re: RegExp }[] = [
  { kind: 'a GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/ },
  { kind: 'a GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { kind: 'an npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { kind: 'a Docker Hub token', re: /\bdckr_pat_[A-Za-z0-9_-]{20,}\b/ },
  { kind: 'a PyPI token', re: /\bpypi-AgE[A-Za-z0-9_-]{40,}/ },
  { kind: 'an AWS access key', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { kind: 'a Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: 'a Slack token', re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { kind: 'a Stripe key', re: /\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}\b/ },
  { kind: 'an OpenAI or Anthropic key', re: /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{32,}/ },
  { kind: 'a Hugging Face token', re: /\bhf_[A-Za-z]{30,}\b/ },
  { kind: 'a SendGrid key', re: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/ },
  { kind: 'a private key', re: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/ },
  { kind: 'a JSON Web Token', re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { kind: 'an Azure storage key', re: /AccountKey=[A-Za-z0-9+/]{40,}={0,2}/ },
  // user:password@ in a URL, unless the password is a variable
  { kind: 'a URL with a password', re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@$]+:(?![$%{<])[^\s/@]+@[^\s/]/i },
];

/** What kind of credential a value looks like, or undefined. */
export function credentialKind(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return VALUE_PATTERNS.find((p) => p.re.test(value))?.kind;
}

/**
 * Whether a default value shows the variable does not hold a credential after all: a path
 * (`/run/secrets/npm`), a boolean or number switch, or an empty value.
 */
export function isNonSecretDefault(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim();
  return /^(?:\/|\.\.?\/|~\/)[^\s]*$/.test(v) || /^(?:true|false|yes|no|on|off|enabled?|disabled?|none|\d{1,5})$/i.test(v);
}
