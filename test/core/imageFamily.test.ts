import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseImageRef } from '../../server/src/core/image';
import { classifyImage, isMinimalFlavour } from '../../server/src/core/imageFamily';
import { describeImage, findFamily } from '../../server/src/knowledge/imageVariants';
import { rewriteImage, suggestSmaller } from '../../server/src/rules/heavy-runtime-base/suggest';

const cls = (s: string) => classifyImage(parseImageRef(s));

test('flavours from name and tag', () => {
  const cases: [string, string][] = [
    ['scratch', 'scratch'],
    ['gcr.io/distroless/static-debian12:nonroot', 'distroless'],
    ['cgr.dev/chainguard/node:latest', 'chainguard'],
    ['node:20-alpine3.19', 'alpine'],
    ['alpine', 'alpine'],
    ['python:3.12-slim-bookworm', 'slim'],
    ['debian:bookworm-slim', 'slim'],
    ['rockylinux:9-minimal', 'minimal'],
    ['registry.access.redhat.com/ubi9/ubi-minimal', 'minimal'],
    ['mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022', 'windows'],
    ['node:20', 'full'],
    ['mirror.example.com/library/python:3.12', 'full'],
  ];
  for (const [image, flavour] of cases) assert.equal(cls(image).flavour, flavour, image);
  assert.equal(cls('mirror.example.com/library/python:3.12').official, 'python');
  assert.equal(cls('bitnami/node:20').official, undefined);
  assert.equal(cls('node:22-bookworm').codename, 'bookworm');
  assert.ok(isMinimalFlavour(cls('node:20-slim')));
  assert.ok(!isMinimalFlavour(cls('node:20')));
});

test('families: official names, mirrors and MCR paths; not look-alikes', () => {
  const fam = (s: string) => {
    const r = parseImageRef(s);
    return findFamily(classifyImage(r).official, r.repository)?.title;
  };
  assert.equal(fam('node:22'), 'Node.js');
  assert.equal(fam('public.ecr.aws/docker/library/node:22'), 'Node.js');
  assert.equal(fam('mcr.microsoft.com/dotnet/sdk:8.0'), '.NET');
  assert.equal(fam('registry.access.redhat.com/ubi9/ubi'), 'RHEL-compatible');
  assert.equal(fam('bitnami/node:22'), undefined);
  assert.equal(fam('myorg/python-base:1'), undefined);
});

function suggest(image: string, web = false): string | undefined {
  const ref = parseImageRef(image);
  const c = classifyImage(ref);
  const family = findFamily(c.official, ref.repository)!;
  const s = suggestSmaller(ref, c, family, web);
  return s && rewriteImage(image, s);
}

test('smaller variants keep the version, the codename and the registry path', () => {
  const cases: [string, string | undefined][] = [
    ['node:22', 'node:22-slim'],
    ['node', 'node:slim'],
    ['node:lts-bookworm', 'node:lts-bookworm-slim'],
    ['node:22.1.0-bullseye', 'node:22.1.0-bullseye-slim'],
    ['node:8-onbuild', undefined],
    ['python:3.12', 'python:3.12-slim'],
    ['python:3.12-bookworm', 'python:3.12-slim-bookworm'],
    ['python:3.13.0rc1', 'python:3.13.0rc1-slim'],
    ['python:3.12-windowsservercore', undefined],
    ['ruby:3.3-bookworm', 'ruby:3.3-slim-bookworm'],
    ['debian', 'debian:stable-slim'],
    ['debian:12', 'debian:12-slim'],
    ['debian:bookworm-20240110', 'debian:bookworm-20240110-slim'],
    ['debian:bookworm-backports', undefined],
    ['eclipse-temurin:21', 'eclipse-temurin:21-jre'],
    ['eclipse-temurin:21-jdk-alpine', 'eclipse-temurin:21-jre-alpine'],
    ['eclipse-temurin:21-jre', undefined],
    ['openjdk:8-jdk-alpine', 'eclipse-temurin:8-jre-alpine'],
    ['openjdk:11-jre-slim', undefined],
    ['openjdk:7', undefined],
    ['mirror.example/library/openjdk:17@sha256:abc', 'mirror.example/library/eclipse-temurin:17-jre'],
    ['mcr.microsoft.com/dotnet/sdk:8.0-alpine', 'mcr.microsoft.com/dotnet/runtime:8.0-alpine'],
    ['buildpack-deps:jammy', 'ubuntu:jammy'],
    ['buildpack-deps:bookworm-scm', 'debian:bookworm-slim'],
    ['rockylinux:9', 'rockylinux:9-minimal'],
    ['registry.access.redhat.com/ubi9/ubi:9.3', 'registry.access.redhat.com/ubi9/ubi-minimal:9.3'],
    ['registry.access.redhat.com/ubi8', 'registry.access.redhat.com/ubi8-minimal'],
  ];
  for (const [image, want] of cases) assert.equal(suggest(image), want, image);
  assert.equal(suggest('mcr.microsoft.com/dotnet/sdk:8.0', true), 'mcr.microsoft.com/dotnet/aspnet:8.0');
});

test('hover text names the family, the variants and the trade-offs', () => {
  const node = describeImage(parseImageRef('node:22'))!;
  assert.match(node, /^\*\*Node\.js\*\* — full variant/);
  assert.match(node, /node:<version>-slim/);
  assert.match(node, /musl/);
  assert.match(describeImage(parseImageRef('python:3.12-alpine'))!, /Alpine variant: musl/);
  assert.match(describeImage(parseImageRef('gcr.io/distroless/static-debian12'))!, /no shell/);
  assert.match(describeImage(parseImageRef('golang:1.22'))!, /build toolchain/);
  assert.match(describeImage(parseImageRef('ubuntu:24.04'))!, /already minimised/);
  assert.equal(describeImage(parseImageRef('myorg/app:1')), undefined);
});
