import type { ShellCommand } from '../../core/shell';
import { nameWords } from '../../knowledge/secrets';

/**
 * Tools that read a credential from their environment without the script naming it (`NPM_TOKEN` through
 * `${NPM_TOKEN}` in .npmrc, `GITHUB_TOKEN` for gh and go, `AWS_SECRET_ACCESS_KEY` for the AWS CLI).
 * A row applies when the variable's first word is one of `prefixes`.
 */
const ENV_READERS: readonly { prefixes: string[]; commands: string[] }[] = [
  { prefixes: ['npm', 'node', 'yarn', 'pnpm', 'nexus', 'registry'], commands: ['npm', 'npx', 'yarn', 'pnpm'] },
  { prefixes: ['pip', 'uv', 'poetry', 'twine', 'pypi', 'pipenv'], commands: ['pip', 'pip3', 'uv', 'poetry', 'twine', 'pipenv', 'python', 'python3'] },
  { prefixes: ['github', 'gh', 'gitlab', 'glab', 'git', 'bitbucket', 'ci'], commands: ['git', 'gh', 'glab', 'npm', 'yarn', 'pip', 'pip3', 'composer', 'cargo', 'bundle'] },
  { prefixes: ['aws'], commands: ['aws', 'terraform', 'sam', 'cdk', 'eksctl', 'python', 'python3'] },
  { prefixes: ['azure', 'arm', 'az'], commands: ['az', 'terraform'] },
  { prefixes: ['google', 'gcloud', 'cloudsdk', 'gcp', 'gcs'], commands: ['gcloud', 'gsutil', 'bq', 'terraform'] },
  { prefixes: ['composer'], commands: ['composer'] },
  { prefixes: ['bundle', 'gem'], commands: ['bundle', 'gem'] },
  { prefixes: ['cargo'], commands: ['cargo'] },
  { prefixes: ['nuget', 'vss'], commands: ['dotnet', 'nuget'] },
  { prefixes: ['docker', 'dockerhub'], commands: ['docker', 'buildah', 'skopeo', 'crane'] },
  { prefixes: ['hf', 'hugging', 'huggingface'], commands: ['huggingface-cli', 'python', 'python3'] },
  { prefixes: ['maven', 'mvn'], commands: ['mvn', 'mvnw'] },
  { prefixes: ['gradle', 'org'], commands: ['gradle', 'gradlew'] },
  { prefixes: ['artifactory', 'jfrog'], commands: ['jf', 'jfrog', 'npm', 'pip', 'mvn', 'gradle'] },
  { prefixes: ['sonar'], commands: ['sonar-scanner', 'mvn', 'gradle'] },
  { prefixes: ['sentry'], commands: ['sentry-cli', 'npm', 'yarn'] },
  { prefixes: ['vault'], commands: ['vault'] },
  { prefixes: ['goproxy', 'goprivate', 'go'], commands: ['go'] },
];

/** For these tools only subcommands that reach a registry count (`npm ci`, not `npm run build`). */
const NETWORK_SUBCOMMANDS: Record<string, RegExp> = {
  npm: /^(?:i|install|ci|clean-install|add|update|up|upgrade|publish|login|whoami|view|info|pack|audit|outdated|exec|dist-tag)$/,
  pnpm: /^(?:i|install|add|update|up|fetch|publish|dlx|exec|audit|outdated)$/,
  yarn: /^(?:install|add|upgrade|up|publish|npm|dlx|workspaces)$/,
  pip: /^(?:install|download|wheel|index)$/,
  pip3: /^(?:install|download|wheel|index)$/,
};

/** Whether a command reads the variable implicitly (a tool whose credentials the name is for). */
export function readsImplicitly(name: string, command: ShellCommand): boolean {
  const first = nameWords(name)[0];
  if (!first || !command.name) return false;
  if (!ENV_READERS.some((r) => r.prefixes.includes(first) && r.commands.includes(command.name))) return false;
  const sub = NETWORK_SUBCOMMANDS[command.name];
  if (!sub) return true;
  const positional = command.args.find((a) => !(a.value ?? a.text).startsWith('-'));
  // bare `yarn` installs
  if (!positional) return command.name === 'yarn';
  return sub.test(positional.value ?? '');
}
