import type { BuildStep } from './detect';
import { flagValue, positionalWords, type InferInput, type InferResult } from './input';
import { readProjectFile, resolvePath } from './paths';

/** Java artifacts: Maven's target/<finalName>.jar, Gradle's build/libs jar or installDist directory. */

function strip(xml: string, tags: string[]): string {
  let out = xml.replace(/<!--[\s\S]*?-->/g, '');
  for (const t of tags) out = out.replace(new RegExp(`<${t}\\b[\\s\\S]*?</${t}>`, 'g'), '');
  return out;
}

const tagText = (xml: string, tag: string) => new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>`).exec(xml)?.[1];

/** The jar Maven packages from a pom: `target/<finalName or artifactId-version>.jar`. */
export function mavenJar(pom: string): { jar?: string; reason?: string } {
  const parent = /<parent>([\s\S]*?)<\/parent>/.exec(pom)?.[1] ?? '';
  const own = strip(pom, ['parent', 'dependencies', 'dependencyManagement', 'plugins', 'pluginManagement', 'profiles', 'reporting', 'properties', 'repositories', 'pluginRepositories', 'distributionManagement', 'scm', 'developers', 'licenses']);
  if (/<modules>\s*<module>/.test(own)) return { reason: 'pom.xml is a multi-module build' };
  const packaging = tagText(own, 'packaging') ?? 'jar';
  if (packaging !== 'jar') return { reason: `pom.xml packages a ${packaging}, not a jar` };
  const finalName = tagText(own, 'finalName');
  const artifactId = tagText(own, 'artifactId');
  const version = tagText(own, 'version') ?? tagText(parent, 'version');
  const name = finalName ?? (artifactId && version ? `${artifactId}-${version}` : undefined);
  if (!name) return { reason: 'pom.xml names no artifactId and version' };
  if (name.includes('${')) return { reason: 'the jar name in pom.xml uses a property' };
  return { jar: name + '.jar' };
}

export function inferMaven(input: InferInput, step: BuildStep): InferResult {
  if (step.cwd === undefined) return { reason: 'the directory of the Maven build is not static' };
  const file = flagValue(step.words, ['-f', '--file']);
  if (file === null) return { reason: 'the pom is named with a variable' };
  const pomPath = file ? resolvePath(step.cwd, file.endsWith('.xml') ? file : file + '/pom.xml') : resolvePath(step.cwd, 'pom.xml');
  const pom = readProjectFile(input.chain, pomPath, input.context);
  if (!pom) return { reason: 'pom.xml is not in the build context, so the jar name is unknown' };
  const { jar, reason } = mavenJar(pom.text);
  if (!jar) return { reason: reason! };
  return { artifacts: [resolvePath(pomPath.replace(/\/[^/]*$/, '') || '/', 'target/' + jar)] };
}

const GRADLE_VALUED = ['-p', '--project-dir', '-b', '--build-file', '-x', '--exclude-task', '-D', '-P', '--console', '-c', '--settings-file', '-g', '--gradle-user-home', '--init-script', '-I', '--max-workers'];

export function inferGradle(input: InferInput, step: BuildStep): InferResult {
  if (step.cwd === undefined) return { reason: 'the directory of the Gradle build is not static' };
  const projectDir = flagValue(step.words, ['-p', '--project-dir']);
  if (projectDir === null) return { reason: 'the Gradle project directory is not static' };
  const dir = projectDir ? resolvePath(step.cwd, projectDir) : step.cwd;
  const read = (f: string) => readProjectFile(input.chain, resolvePath(dir, f), input.context)?.text;
  const settings = read('settings.gradle') ?? read('settings.gradle.kts');
  const build = read('build.gradle') ?? read('build.gradle.kts');
  if (build === undefined) return { reason: 'build.gradle is not in the build context, so the jar name is unknown' };
  if (settings && /^\s*include\b/m.test(settings)) return { reason: 'the Gradle build has several projects' };
  if (/archive(File|Base)Name|archivesBaseName|archiveVersion|archiveClassifier|baseName\s*=/.test(build)) return { reason: 'build.gradle renames its archive' };
  const name = (settings && /rootProject\.name\s*=\s*["']([^"']+)["']/.exec(settings)?.[1]) ?? dir.split('/').pop();
  if (!name) return { reason: 'the Gradle project has no name' };
  const version = /^\s*version\s*=?\s*["']([^"']+)["']/m.exec(build)?.[1] ?? /^\s*version\s*=\s*(\S+)\s*$/m.exec(read('gradle.properties') ?? '')?.[1];
  if (version?.includes('$')) return { reason: 'the Gradle version uses a variable' };
  const tasks = positionalWords(step.words, GRADLE_VALUED).map((t) => t?.replace(/^.*:/, ''));
  if (tasks.includes('installDist')) return { artifacts: [resolvePath(dir, `build/install/${name}`)] };
  const shadow = tasks.includes('shadowJar') ? '-all' : '';
  return { artifacts: [resolvePath(dir, `build/libs/${name}${version && version !== 'unspecified' ? '-' + version : ''}${shadow}.jar`)] };
}

/** `java … -jar <path>` in the ENTRYPOINT/CMD, resolved against the final WORKDIR. */
export function javaJarFromStart(input: InferInput): string | undefined {
  const w = input.startWords;
  const i = w.indexOf('-jar');
  if (i < 0 || !w.slice(0, i).some((x) => /(^|\/)java$/.test(x)) || input.workdir === undefined) return undefined;
  const jar = w[i + 1];
  if (!jar || !jar.endsWith('.jar') || /[*?$]/.test(jar)) return undefined;
  return resolvePath(input.workdir, jar);
}
