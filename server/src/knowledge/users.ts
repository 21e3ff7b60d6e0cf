import type { ImageRef } from '../core/image';
import { tagVersion } from '../core/image';
import { classifyImage } from '../core/imageFamily';

/**
 * Base image → who it runs as, and how to run as someone else. From names and tags only (no registry).
 */

export type UserFamily = 'distroless' | 'chainguard' | 'node' | 'dotnet' | 'alpine' | 'debian' | 'rhel' | 'scratch' | 'windows' | 'unknown';

export interface BaseUser {
  family: UserFamily;
  /** The base's own USER is already non-root. */
  runsAsNonRoot: boolean;
  /** The base starts as root on purpose and its entrypoint or server drops privileges (postgres, nginx…). */
  dropsPrivileges: boolean;
  /** A non-root account the base already has. */
  existingUser?: string;
  /** How to create an account: a shell command for `RUN`, or undefined when none can be created. */
  createCommand?: (name: string) => string;
}

const ALPINE_CREATE = (n: string) => `addgroup -S ${n} && adduser -S -G ${n} ${n}`;
const SHADOW_CREATE = (n: string) => `groupadd --system ${n} && useradd --system --gid ${n} --no-create-home ${n}`;

/** Official images built on Debian or Ubuntu (shadow's groupadd/useradd are there). */
const DEBIAN_BASED = new Set([
  'debian', 'ubuntu', 'python', 'ruby', 'golang', 'openjdk', 'eclipse-temurin', 'maven', 'gradle', 'rust', 'php', 'perl',
  'buildpack-deps', 'elixir', 'erlang', 'haskell', 'julia', 'r-base', 'swift', 'clojure', 'groovy', 'tomcat', 'jetty',
  'gcc', 'sapmachine', 'ibmjava', 'ibm-semeru-runtimes', 'pypy', 'neurodebian', 'dart', 'kong', 'odoo', 'ghost',
  'composer', 'drupal', 'joomla', 'nextcloud', 'redmine', 'mediawiki', 'bash',
]);
const RHEL_BASED = new Set(['centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux', 'amazoncorretto', 'clearlinux', 'photon']);
/** Official images whose entrypoint or server drops root itself (gosu/su-exec, or worker processes). */
const DROPS_PRIVILEGES = new Set([
  'postgres', 'mysql', 'mariadb', 'redis', 'mongo', 'rabbitmq', 'cassandra', 'couchdb', 'nginx', 'httpd', 'wordpress',
  'memcached', 'influxdb', 'neo4j', 'zookeeper', 'solr', 'elasticsearch', 'kibana', 'logstash', 'percona', 'couchbase',
  'jenkins', 'sonarqube', 'nats', 'consul', 'vault', 'telegraf', 'chronograf', 'kapacitor', 'eclipse-mosquitto', 'rethinkdb',
]);
/** Images (repository prefixes, any registry) that set a non-root USER themselves. */
const NON_ROOT_REPOS = [
  'nginxinc/nginx-unprivileged', 'jenkins/jenkins', 'grafana/grafana', 'sonarqube', 'keycloak/keycloak', 'elasticsearch/elasticsearch',
  'kibana/kibana', 'prom/prometheus', 'prom/alertmanager', 'prom/node-exporter', 'hashicorp/', 'paketobuildpacks/',
  'ubi8/nodejs-', 'ubi9/nodejs-', 'ubi8/python-', 'ubi9/python-', 'ubi8/openjdk-', 'ubi9/openjdk-', 'ubi8/php-', 'ubi9/php-',
  'ubi8/ruby-', 'ubi9/ruby-', 'ubi8/dotnet-', 'ubi9/dotnet-', 'ubi8/go-toolset', 'ubi9/go-toolset', 'bitnami/',
];
/** Windows-only images by name (the tag does not always say so). */
const WINDOWS_REPOS = /^microsoft\/(aspnet|iis|dotnet-framework|windowsservercore|nanoserver|mssql-server-windows[\w-]*)$|^dotnet\/framework\//;
const DEBIAN_WORDS = new Set(['debian', 'ubuntu', 'trusty', 'precise', 'wheezy', 'raspbian', 'buildpack', 'phusion', 'baseimage']);
const RHEL_WORDS = new Set(['centos', 'rhel', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'ubi7', 'ubi8', 'ubi9', 'el7', 'el8', 'el9']);
const ROOT_IN_NON_ROOT_REPOS = ['bitnami/minideb', 'bitnami/git', 'bitnami/os-shell'];

/** `root`, `0`, `root:root`, `0:0`, `root:wheel`: the user part decides. */
export function isRootUser(user: string): boolean {
  const name = user.trim().split(':')[0];
  return name === 'root' || name === '0';
}

/**
 * `trustedRuntimeBases` entries marked with `#nonroot` (`registry.example.com/base#nonroot`, or
 * `registry.example.com/base:2#nonroot`) declare in-house bases that already run as a non-root user.
 */
export function isTrustedNonRoot(ref: ImageRef, trusted: readonly string[] = []): boolean {
  const full = `${ref.registry ? ref.registry.toLowerCase() + '/' : ''}${ref.repository}`;
  return trusted.some((entry) => {
    const m = /^(.*?)\s*#\s*nonroot\s*$/i.exec(entry);
    if (!m) return false;
    const [name, tag] = splitTag(m[1].trim().toLowerCase());
    const repoMatches = name === full || name === ref.repository || (name.endsWith('/*') && full.startsWith(name.slice(0, -1)));
    return repoMatches && (!tag || tag === (ref.tag ?? 'latest').toLowerCase());
  });
}

function splitTag(s: string): [string, string | undefined] {
  const slash = s.lastIndexOf('/');
  const colon = s.lastIndexOf(':');
  return colon > slash ? [s.slice(0, colon), s.slice(colon + 1)] : [s, undefined];
}

/** Who an image runs as and how to change it. */
export function baseUserFor(ref: ImageRef, trusted: readonly string[] = []): BaseUser {
  const c = classifyImage(ref);
  const tag = (ref.tag ?? '').toLowerCase();
  const repo = ref.repository;
  const base = (family: UserFamily, extra: Partial<BaseUser> = {}): BaseUser => ({ family, runsAsNonRoot: false, dropsPrivileges: false, ...extra });
  if (isTrustedNonRoot(ref, trusted)) return base('unknown', { runsAsNonRoot: true });
  if (c.flavour === 'windows' || WINDOWS_REPOS.test(repo)) return base('windows');
  if (c.flavour === 'scratch') return base('scratch');
  if (c.flavour === 'distroless') return base('distroless', { runsAsNonRoot: /nonroot/.test(tag), existingUser: 'nonroot:nonroot' });
  if (c.flavour === 'chainguard') return base('chainguard', { runsAsNonRoot: true, existingUser: 'nonroot' });
  if (/(^|-)nonroot$|(^|-)non-root$|rootless/.test(tag) || /(^|\/)[^/]*(-nonroot|-unprivileged|-rootless)$/.test(repo)) return base('unknown', { runsAsNonRoot: true });
  if (NON_ROOT_REPOS.some((p) => repo.startsWith(p) || repo.includes('/' + p)) && !ROOT_IN_NON_ROOT_REPOS.some((p) => repo.endsWith(p))) {
    return base('unknown', { runsAsNonRoot: true });
  }
  if (/^dotnet\/(core\/)?(aspnet|runtime|runtime-deps|sdk|monitor)$/.test(repo) && ref.registry === 'mcr.microsoft.com') {
    if (/chiseled|distroless/.test(tag)) return base('dotnet', { runsAsNonRoot: true, existingUser: 'app' });
    const major = Number((tagVersion(ref.tag) ?? '0').split('.')[0]);
    if (major >= 8) return base('dotnet', { existingUser: 'app' });
    return c.flavour === 'alpine' ? base('alpine', { createCommand: ALPINE_CREATE }) : base('debian', { createCommand: SHADOW_CREATE });
  }
  const official = c.official;
  if (official && DROPS_PRIVILEGES.has(official)) {
    return base(c.flavour === 'alpine' ? 'alpine' : 'debian', { dropsPrivileges: true, createCommand: c.flavour === 'alpine' ? ALPINE_CREATE : SHADOW_CREATE });
  }
  if (official === 'node') return base('node', { existingUser: 'node' });
  if (c.flavour === 'alpine' || official === 'busybox') return base('alpine', { createCommand: ALPINE_CREATE });
  if (c.flavour === 'minimal') return base('unknown');
  if (official && DEBIAN_BASED.has(official)) return base('debian', { createCommand: SHADOW_CREATE });
  if (official && RHEL_BASED.has(official)) return base('rhel', { createCommand: SHADOW_CREATE });
  if (/(^|\/)ubi\d*(\/ubi)?$|(^|\/)ubi\d+-init$/.test(repo)) return base('rhel', { createCommand: SHADOW_CREATE });
  // Otherwise the tag or the name may say which distribution it is built on.
  const words = [...c.tokens, ...repo.split(/[/_.-]/)];
  const stem = (w: string) => w.replace(/\d[\d.]*$/, ''); // ubuntu16.04 → ubuntu, centos7 → centos
  if (c.codename || words.some((w) => DEBIAN_WORDS.has(stem(w)))) return base('debian', { createCommand: SHADOW_CREATE });
  if (words.some((w) => RHEL_WORDS.has(w) || RHEL_WORDS.has(stem(w)))) return base('rhel', { createCommand: SHADOW_CREATE });
  return base('unknown');
}

/** The numeric user for images without an account database or a known way to add one. */
export const NUMERIC_NON_ROOT = '65532:65532';
