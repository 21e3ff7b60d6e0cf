import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseImageRef } from '../../server/src/core/image';
import { baseUserFor, isRootUser, isTrustedNonRoot } from '../../server/src/knowledge/users';

const of = (image: string, trusted?: string[]) => baseUserFor(parseImageRef(image), trusted);

test('root users', () => {
  for (const u of ['root', '0', 'root:root', '0:0', 'root:wheel', ' root ']) assert.ok(isRootUser(u), u);
  for (const u of ['node', '1000', 'app:app', 'rooter', '65532:0']) assert.ok(!isRootUser(u), u);
});

test('base families and their users', () => {
  assert.deepEqual([of('node:20-alpine').family, of('node:20-alpine').existingUser], ['node', 'node']);
  assert.equal(of('mcr.microsoft.com/dotnet/aspnet:8.0').existingUser, 'app');
  assert.equal(of('mcr.microsoft.com/dotnet/aspnet:6.0').family, 'debian');
  assert.equal(of('mcr.microsoft.com/dotnet/aspnet:6.0-alpine').family, 'alpine');
  assert.ok(of('mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled').runsAsNonRoot);
  assert.equal(of('gcr.io/distroless/static-debian12').existingUser, 'nonroot:nonroot');
  assert.ok(of('gcr.io/distroless/static-debian12:nonroot').runsAsNonRoot);
  assert.ok(of('gcr.io/distroless/base:debug-nonroot').runsAsNonRoot);
  assert.ok(!of('gcr.io/distroless/static-debian12').runsAsNonRoot);
  assert.ok(of('cgr.dev/chainguard/python:latest').runsAsNonRoot);
  assert.equal(of('alpine:3.20').createCommand?.('app'), 'addgroup -S app && adduser -S -G app app');
  assert.equal(of('busybox').family, 'alpine');
  assert.equal(of('python:3.12-slim').createCommand?.('app'), 'groupadd --system app && useradd --system --gid app --no-create-home app');
  assert.equal(of('rockylinux:9').family, 'rhel');
  assert.equal(of('scratch').family, 'scratch');
  assert.equal(of('mcr.microsoft.com/windows/servercore:ltsc2022').family, 'windows');
  assert.ok(of('postgres:16').dropsPrivileges);
  assert.ok(of('bitnami/redis').runsAsNonRoot);
  assert.ok(!of('bitnami/minideb').runsAsNonRoot);
  assert.equal(of('registry.example.com/acme/base:1').family, 'unknown');
  assert.equal(of('mcr.microsoft.com/dotnet/core/aspnet:2.2').family, 'debian');
  assert.equal(of('microsoft/aspnet:4.7').family, 'windows');
  assert.equal(of('microsoft/powershell:ubuntu16.04').family, 'debian');
  assert.equal(of('acme/app:1.0-centos7').family, 'rhel');
  assert.equal(of('nodesource/trusty').family, 'debian');
});

test('trusted bases marked #nonroot', () => {
  const trusted = ['registry.example.com/acme/base#nonroot', 'registry.example.com/team/*#nonroot', 'other/img:2 #nonroot', 'plain/base'];
  assert.ok(isTrustedNonRoot(parseImageRef('registry.example.com/acme/base:1'), trusted));
  assert.ok(isTrustedNonRoot(parseImageRef('registry.example.com/team/x'), trusted));
  assert.ok(isTrustedNonRoot(parseImageRef('other/img:2'), trusted));
  assert.ok(!isTrustedNonRoot(parseImageRef('other/img:3'), trusted));
  assert.ok(!isTrustedNonRoot(parseImageRef('plain/base'), trusted));
  assert.ok(of('registry.example.com/acme/base:1', trusted).runsAsNonRoot);
});
