import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseImageRef } from '../../server/src/core/image';
import { chooseRuntime, findToolchainImage, toolchainImages } from '../../server/src/knowledge/images';
import { buildFacts, dotnetRuntimeTag, javaVersion, pySlimTag, runtimeFor, slimTag } from '../../server/src/rules/single-stage-build/runtime';

const facts = (image: string, extra = {}) => buildFacts(parseImageRef(image), extra);
const runtime = (image: string, extra = {}) => {
  const ref = parseImageRef(image);
  const row = findToolchainImage(ref);
  assert.ok(row, `${image} is a toolchain image`);
  const r = runtimeFor(row, ref, buildFacts(ref, extra));
  return 'reason' in r ? r.reason : `${r.image} ${r.user.kind === 'existing' ? r.user.user : 'create-' + r.user.flavor}`;
};

test('toolchain images are recognised by repository, registry and tag', () => {
  assert.equal(findToolchainImage(parseImageRef('golang:1.22'))?.ecosystem, 'go');
  assert.equal(findToolchainImage(parseImageRef('docker.io/library/golang:1.22'))?.ecosystem, 'go');
  assert.equal(findToolchainImage(parseImageRef('mcr.microsoft.com/dotnet/sdk:8.0'))?.ecosystem, 'dotnet');
  assert.equal(findToolchainImage(parseImageRef('dotnet/sdk:8.0')), undefined, 'dotnet/sdk only from mcr');
  assert.equal(findToolchainImage(parseImageRef('microsoft/dotnet:2.2-sdk'))?.ecosystem, 'dotnet');
  assert.equal(findToolchainImage(parseImageRef('microsoft/dotnet:2.2-aspnetcore-runtime')), undefined);
  assert.equal(findToolchainImage(parseImageRef('eclipse-temurin:17-jdk'))?.ecosystem, 'java');
  assert.equal(findToolchainImage(parseImageRef('eclipse-temurin:17-jre')), undefined);
  assert.equal(findToolchainImage(parseImageRef('openjdk:8-jre-alpine')), undefined);
  assert.equal(findToolchainImage(parseImageRef('gcr.io/distroless/static-debian12')), undefined);
  assert.equal(findToolchainImage(parseImageRef('nginx:alpine')), undefined);
});

test('every row has a fallback runtime without conditions', () => {
  for (const row of toolchainImages) assert.equal(row.runtimes[row.runtimes.length - 1].when, undefined, row.repositories[0]);
  const go = findToolchainImage(parseImageRef('golang'))!;
  assert.match(chooseRuntime(go, facts('golang:1.22', { cgoDisabled: true })).image, /static/);
});

test('runtime bases per ecosystem', () => {
  assert.equal(runtime('golang:1.22', { cgoDisabled: true }), 'gcr.io/distroless/static-debian12 nonroot:nonroot');
  assert.equal(runtime('golang:1.22'), 'gcr.io/distroless/base-debian12 nonroot:nonroot');
  assert.equal(runtime('golang:1.21-alpine3.19'), 'alpine:3.19 create-alpine');
  assert.equal(runtime('rust:1.78'), 'gcr.io/distroless/cc-debian12 nonroot:nonroot');
  assert.equal(runtime('mcr.microsoft.com/dotnet/sdk:8.0.100-bookworm-slim', { web: true }), 'mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim app');
  assert.equal(runtime('mcr.microsoft.com/dotnet/sdk:6.0-alpine'), 'mcr.microsoft.com/dotnet/runtime:6.0-alpine create-alpine');
  assert.equal(runtime('mcr.microsoft.com/dotnet/core/sdk:3.1', { web: true }), 'mcr.microsoft.com/dotnet/core/aspnet:3.1 create-debian');
  assert.equal(runtime('microsoft/dotnet:2.2-sdk', { web: true }), 'microsoft/dotnet:2.2-aspnetcore-runtime create-debian');
  assert.equal(runtime('maven:3.9-eclipse-temurin-17'), 'eclipse-temurin:17-jre create-debian');
  assert.equal(runtime('maven:3-jdk-8-alpine'), 'eclipse-temurin:8-jre-alpine create-alpine');
  assert.equal(runtime('gradle:7.6-jdk11'), 'eclipse-temurin:11-jre create-debian');
  assert.equal(runtime('openjdk:13'), 'eclipse-temurin:17-jre create-debian', 'a non-LTS JDK maps to the next LTS JRE');
  assert.match(runtime('maven:3'), /Java version/);
  assert.equal(runtime('node:20'), 'node:20-slim node');
  assert.equal(runtime('node:18-alpine'), 'node:18-alpine node');
  assert.equal(runtime('python:3.12-bookworm'), 'python:3.12-slim-bookworm create-debian');
});

test('tag helpers', () => {
  assert.equal(slimTag(undefined), 'slim');
  assert.equal(slimTag('lts'), 'lts-slim');
  assert.equal(slimTag('20-bookworm'), '20-bookworm-slim');
  assert.equal(slimTag('20-slim'), '20-slim');
  assert.equal(pySlimTag('3.7-stretch'), '3.7-slim-stretch');
  assert.equal(pySlimTag('3'), '3-slim');
  assert.equal(dotnetRuntimeTag('8.0.204-jammy'), '8.0-jammy');
  assert.equal(dotnetRuntimeTag('8.0'), '8.0');
  assert.equal(javaVersion(parseImageRef('openjdk:8u212-jdk')), 8);
  assert.equal(javaVersion(parseImageRef('openjdk:1.8')), 8);
  assert.equal(javaVersion(parseImageRef('gradle:jdk21')), 21);
  assert.equal(javaVersion(parseImageRef('maven:latest')), undefined);
});
