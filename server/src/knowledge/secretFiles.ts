/**
 * Credential files: their names, the directories that make a generic name one (`.aws/credentials`), the tools
 * that read them during a build, and what their content looks like when it holds a secret. Data, not code paths.
 */

export interface SecretFile {
  /** Secret id a fix uses (`docker build --secret id=<id>,src=…`). */
  id: string;
  /** What a message says (`an npm config`). */
  kind: string;
  /** Basename globs (`*` only), matched case-insensitively. */
  names: string[];
  /** A directory the file must sit in (in the source or the destination path), for generic names. */
  under?: RegExp;
  /** Commands that read the file during a build without naming it. */
  readers: string[];
  /** SSH private key: git and ssh can use the builder's agent through `--mount=type=ssh` instead. */
  ssh?: boolean;
  /** A directory of credentials: no single-file secret mount can replace it. */
  dir?: boolean;
  /** Usually read by the application at run time (TLS keys, .env): no build-time fix when the stage ships. */
  runtime?: boolean;
  /** When the file can be read from the build context: it holds a secret only if this matches. */
  content?: RegExp;
  /** Fire only when the context shows the content (the name alone is mostly harmless config). */
  needsContent?: boolean;
  /** A directory name that is also a common project folder: only when copied to where tools read it. */
  destOnly?: RegExp;
}

const PKG = ['npm', 'npx', 'yarn', 'pnpm'];
const GIT = ['git', 'ssh', 'scp', 'sftp', 'rsync', 'go', 'npm', 'yarn', 'pnpm', 'pip', 'pip3', 'poetry', 'uv', 'bundle', 'composer', 'cargo', 'mix', 'rebar3'];

export const SECRET_FILES: readonly SecretFile[] = [
  { id: 'npmrc', kind: 'an npm config with registry credentials', names: ['.npmrc'], readers: PKG, content: /(?:_authToken|_auth|_password)\s*=\s*(?!\$\{)\S/ },
  { id: 'yarnrc', kind: 'a Yarn config with registry credentials', names: ['.yarnrc.yml', '.yarnrc'], readers: ['yarn'], content: /npmAuth(?:Token|Ident)\s*:\s*["']?(?!\$\{)\S|_authToken\s*[= ]\s*(?!\$\{)\S/, needsContent: true },
  { id: 'pypirc', kind: 'a PyPI config with upload credentials', names: ['.pypirc'], readers: ['twine', 'poetry', 'python', 'python3', 'flit', 'hatch'], content: /password\s*[=:]/i },
  { id: 'pip-conf', kind: 'a pip config with an index password', names: ['pip.conf', 'pip.ini'], readers: ['pip', 'pip3', 'python', 'python3'], content: /:\/\/[^\s/:@]+:[^\s/@$]+@/, needsContent: true },
  { id: 'netrc', kind: 'a .netrc with login passwords', names: ['.netrc', '_netrc'], readers: ['curl', 'wget', 'git', 'go', 'pip', 'pip3', 'poetry', 'uv', 'ftp', 'python', 'python3'] },
  { id: 'git-credentials', kind: 'a git credential store', names: ['.git-credentials'], readers: ['git', 'go'] },
  { id: 'ssh-key', kind: 'an SSH private key', names: ['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk', 'id_rsa_*', 'id_ed25519_*', '*_id_rsa', '*_id_ed25519', 'deploy_key', 'deploy-key', 'deploy_rsa', 'github_rsa', 'bitbucket_rsa', 'gitlab_rsa'], readers: GIT, ssh: true },
  { id: 'ssh', kind: 'an SSH directory with private keys', names: ['.ssh'], readers: GIT, dir: true },
  { id: 'aws-credentials', kind: 'AWS credentials', names: ['credentials', 'config'], under: /(?:^|\/)\.aws\/?$/, readers: ['aws', 'terraform', 'sam', 'cdk', 'eksctl'] },
  { id: 'aws', kind: 'an AWS credentials directory', names: ['.aws'], readers: ['aws', 'terraform'], dir: true },
  { id: 'docker-config', kind: 'a Docker config with registry logins', names: ['config.json'], under: /(?:^|\/)\.docker\/?$/, readers: ['docker', 'buildah', 'podman', 'skopeo', 'crane'], content: /"auths?"\s*:\s*\{[^}]*"auth"\s*:\s*"[^"]/ },
  { id: 'docker', kind: 'a Docker config directory with registry logins', names: ['.docker'], readers: ['docker'], dir: true, destOnly: /(?:^|\/)\.docker\/?$/ },
  { id: 'kubeconfig', kind: 'a Kubernetes config with cluster credentials', names: ['kubeconfig', '*.kubeconfig', 'config'], under: /(?:^|\/)\.kube\/?$/, readers: ['kubectl', 'helm', 'kustomize'] },
  { id: 'kubeconfig-file', kind: 'a Kubernetes config with cluster credentials', names: ['kubeconfig', '*.kubeconfig', 'kubeconfig.y*ml'], readers: ['kubectl', 'helm'] },
  { id: 'gcp-key', kind: 'a Google Cloud service-account key', names: ['*service-account*.json', '*service_account*.json', '*serviceaccount*.json', 'gcp-key.json', 'gcp_key.json', 'gcloud-key.json', 'gcloud*.json', 'gcs-key.json', 'application_default_credentials.json', 'client_secret*.json', 'credentials.json', '*-credentials.json', '*_credentials.json', '*-sa-key.json', '*-sa.json', 'keyfile.json'], readers: ['gcloud', 'gsutil', 'bq', 'terraform'], content: /"private_key"|"client_secret"|"refresh_token"/ },
  { id: 'private-key', kind: 'a private key file', names: ['*.key', '*.pem', 'privkey*'], readers: [], runtime: true, content: /PRIVATE KEY/ },
  { id: 'key-store', kind: 'a key store with private keys', names: ['*.p12', '*.pfx', '*.ppk'], readers: [], runtime: true },
  { id: 'dotenv', kind: 'a .env file with application secrets', names: ['.env', '.env.*'], readers: ['npm', 'yarn', 'pnpm', 'npx', 'next', 'vite', 'nuxt'], runtime: true, content: /^\s*(?:export\s+)?[A-Za-z_]*(?:KEY|TOKEN|SECRET|PASS(?:WORD)?|PWD|CREDENTIALS?|DSN|DATABASE_URL)[A-Za-z_]*\s*=\s*["']?[^\s"'$]/im },
  { id: 'dotenv-named', kind: 'a .env file with application secrets', names: ['*.env'], readers: ['npm', 'yarn', 'pnpm', 'npx', 'next', 'vite', 'nuxt'], runtime: true, content: /^\s*(?:export\s+)?[A-Za-z_]*(?:KEY|TOKEN|SECRET|PASS(?:WORD)?|PWD|CREDENTIALS?|DSN|DATABASE_URL)[A-Za-z_]*\s*=\s*["']?[^\s"'$]/im, needsContent: true },
  { id: 'pgpass', kind: 'a PostgreSQL password file', names: ['.pgpass'], readers: ['psql', 'pg_dump', 'pg_restore', 'createdb'] },
  { id: 'mysql-cnf', kind: 'a MySQL client config with a password', names: ['.my.cnf', '.mylogin.cnf'], readers: ['mysql', 'mysqldump', 'mysqladmin'], content: /password\s*=/i },
  { id: 'vault-token', kind: 'a Vault token', names: ['.vault-token'], readers: ['vault'] },
  { id: 'terraformrc', kind: 'a Terraform CLI config with tokens', names: ['.terraformrc', 'terraform.rc', 'credentials.tfrc.json'], readers: ['terraform'], content: /token\s*[=:]/i, needsContent: true },
  { id: 's3cfg', kind: 'an s3cmd config with keys', names: ['.s3cfg', '.boto'], readers: ['s3cmd', 'gsutil'] },
  { id: 'gem-credentials', kind: 'RubyGems credentials', names: ['credentials'], under: /(?:^|\/)\.gem\/?$/, readers: ['gem', 'bundle'] },
  { id: 'cargo-credentials', kind: 'Cargo registry credentials', names: ['credentials', 'credentials.toml'], under: /(?:^|\/)\.cargo\/?$/, readers: ['cargo'] },
  { id: 'composer-auth', kind: 'Composer auth.json with tokens', names: ['auth.json'], readers: ['composer'], content: /"(?:github-oauth|gitlab-token|http-basic|bearer)"/, needsContent: true },
  { id: 'token-file', kind: 'a token file', names: ['.token', 'token.txt', '.github-token', 'github_token', 'gh_token', 'npm_token', '.npm_token'], readers: [] },
];

/** Names that look like a credential file but are not: public keys, certificates, signatures, templates. */
const NOT_SECRET_NAME = /\.(?:pub|crt|cer|der|csr|asc|gpg|sig)$|(?:^|[._-])(?:example|sample|template|tmpl|tpl|dist|defaults?)(?:$|[._-])/i;
/** `.key`/`.pem` names of public material: repository signing keys, certificates, chains, DH parameters. */
const PUBLIC_KEY_NAME = /(?:^|[._\d-])(?:public|pub|pubkey|gpg|pgp|signing|apt|repo|release|releases|archive|keyring|dhparam|dh\d*)(?:$|[._\d-])/i;
const CERT_PEM_NAME = /(?:^|[._\d-])(?:cert|certs|certificate|chain|fullchain|ca|cacert|ca-bundle|bundle|trust|truststore|cacerts|root|rootca)(?:$|[._\d-])|^ca[._-]|cert/i;

function isPublicName(base: string): boolean {
  if (NOT_SECRET_NAME.test(base)) return true;
  if (/\.(?:key|pem|jks|keystore)$/i.test(base) && PUBLIC_KEY_NAME.test(base)) return true;
  return /\.(?:pem|jks)$/i.test(base) && !/key/i.test(base) && CERT_PEM_NAME.test(base);
}

/** Destinations that install certificates for trust, not keys. */
export const TRUST_DIRS = /^(?:\/usr\/local\/share\/ca-certificates|\/usr\/share\/ca-certificates|\/etc\/ssl\/certs|\/etc\/pki\/ca-trust|\/etc\/pki\/tls\/certs|\/usr\/share\/keyrings|\/etc\/apt\/(?:trusted\.gpg\.d|keyrings))(?:\/|$)/;

const globCache = new Map<string, RegExp>();
function globRe(glob: string): RegExp {
  let re = globCache.get(glob);
  if (!re) {
    re = new RegExp('^' + glob.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*') + '$', 'i');
    globCache.set(glob, re);
  }
  return re;
}

function split(path: string): { dir: string; base: string } {
  const p = path.replace(/\/+$/, '');
  const slash = p.lastIndexOf('/');
  return { dir: slash >= 0 ? p.slice(0, slash) : '', base: slash >= 0 ? p.slice(slash + 1) : p };
}

/**
 * The credential file a path names, or undefined. `alsoUnder` is another path whose directory may qualify a
 * generic name (the destination of a COPY: `COPY credentials /root/.aws/`).
 */
export function matchSecretFile(path: string, alsoUnder?: string): SecretFile | undefined {
  const { dir, base } = split(path);
  if (!base || base === '.' || base === '..' || isPublicName(base)) return undefined;
  return SECRET_FILES.find(
    (f) =>
      f.names.some((n) => globRe(n).test(base)) &&
      (!f.under || f.under.test(dir) || (alsoUnder !== undefined && f.under.test(alsoUnder.replace(/\/+$/, '')))) &&
      (!f.destOnly || (alsoUnder !== undefined && f.destOnly.test(alsoUnder))),
  );
}

/** Source globs specific enough to mean credential files (`*.key`, `id_*`, `.env*`). */
export function matchSecretGlob(glob: string): SecretFile | undefined {
  const base = split(glob).base.toLowerCase();
  if (/^(?:\*\.key|\*\.p12|\*\.pfx|\*\.ppk)$/.test(base)) return SECRET_FILES.find((f) => f.id === 'private-key');
  if (/^id_\*$|^id_rsa\*$|^id_ed25519\*$/.test(base)) return SECRET_FILES.find((f) => f.id === 'ssh-key');
  if (/^\.env\*$/.test(base)) return SECRET_FILES.find((f) => f.id === 'dotenv');
  return undefined;
}

/** Whether a path names a template or public counterpart of a credential file (`.env.example`, `id_rsa.pub`). */
export function isNotSecretName(path: string): boolean {
  return isPublicName(split(path).base);
}
