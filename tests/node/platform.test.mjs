import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { HostError } from '../../lib/src/host-error.js';
import { isMusl, resolveHostCommand, runtimeIdentifier } from '../../lib/src/platform.js';

const packageDir = mkdtempSync(path.join(os.tmpdir(), 'platform-test-'));
after(() => rmSync(packageDir, { recursive: true, force: true }));

const manifest = {
  host: {
    executables: {
      'linux-x64': 'host/publish/linux-x64/logto-connector-host',
      'linux-musl-x64': 'host/publish/linux-musl-x64/logto-connector-host',
    },
    args: ['serve'],
  },
};

function shipExecutable(relative, mode) {
  const file = path.join(packageDir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, mode);
  return file;
}

describe('runtimeIdentifier', () => {
  for (const [platform, arch, musl, expected] of [
    ['linux', 'x64', false, 'linux-x64'],
    ['linux', 'x64', true, 'linux-musl-x64'],
    ['linux', 'arm64', false, 'linux-arm64'],
    ['linux', 'arm64', true, 'linux-musl-arm64'],
    ['darwin', 'arm64', false, 'osx-arm64'],
    ['win32', 'x64', false, 'win-x64'],
    ['win32', 'ia32', false, 'win-x86'],
  ]) {
    it(`Maps_${platform}_${arch}${musl ? '_musl' : ''}_to_${expected}`, () => {
      assert.equal(runtimeIdentifier({ platform, arch, musl }), expected);
    });
  }

  it('Detects_the_libc_of_this_machine_the_way_the_process_report_states_it', () => {
    const glibc = process.report.getReport().header.glibcVersionRuntime;
    assert.equal(isMusl(), process.platform === 'linux' && !glibc);
  });
});

describe('resolveHostCommand', () => {
  it('Picks_the_executable_listed_for_the_platform_with_the_manifest_args', () => {
    const file = shipExecutable(manifest.host.executables['linux-musl-x64'], 0o755);
    const resolved = resolveHostCommand({ manifest, packageDir, env: {}, rid: 'linux-musl-x64' });
    assert.deepEqual(resolved, { command: file, args: ['serve'], source: `package (${manifest.host.executables['linux-musl-x64']})` });
  });

  it('Restores_a_lost_execute_bit', () => {
    const file = shipExecutable(manifest.host.executables['linux-x64'], 0o644);
    resolveHostCommand({ manifest, packageDir, env: {}, rid: 'linux-x64' });
    assert.equal(statSync(file).mode & 0o111, 0o111);
  });

  it('Names_the_platform_and_what_is_shipped_when_no_build_fits', () => {
    assert.throws(
      () => resolveHostCommand({ manifest, packageDir, env: {}, rid: 'osx-arm64' }),
      (error) =>
        error instanceof HostError &&
        error.failure === 'unavailable' &&
        /No connector host build for platform osx-arm64 \(this package ships: linux-x64, linux-musl-x64\)/.test(error.message) &&
        /LOGTO_DOTNET_CONNECTOR_HOST/.test(error.message),
    );
  });

  it('Picks_the_linux_arm64_build_the_manifest_lists_and_names_the_override_on_linux_musl_arm64', () => {
    const relative = 'hosts/linux-arm64/logto-connector-host';
    const file = shipExecutable(relative, 0o755);
    const withArm64 = { host: { ...manifest.host, executables: { ...manifest.host.executables, 'linux-arm64': relative } } };
    assert.equal(resolveHostCommand({ manifest: withArm64, packageDir, env: {}, rid: 'linux-arm64' }).command, file);
    // Logto's Docker image on ARM: no musl arm64 runtime pack is served, so no build ships for it.
    assert.throws(
      () => resolveHostCommand({ manifest: withArm64, packageDir, env: {}, rid: 'linux-musl-arm64' }),
      (error) =>
        error instanceof HostError &&
        /No connector host build for platform linux-musl-arm64 \(this package ships: linux-x64, linux-musl-x64, linux-arm64\)/.test(error.message) &&
        /set LOGTO_DOTNET_CONNECTOR_HOST to its path/.test(error.message),
    );
  });

  it('Says_the_package_was_packed_without_the_host_when_the_listed_file_is_missing', () => {
    const bare = { host: { executables: { 'linux-arm64': 'host/publish/linux-arm64/logto-connector-host' } } };
    assert.throws(
      () => resolveHostCommand({ manifest: bare, packageDir, env: {}, rid: 'linux-arm64' }),
      /The connector host for linux-arm64 is missing from the package \(expected host\/publish\/linux-arm64\/logto-connector-host\)/,
    );
  });

  it('Runs_an_overriding_dll_with_dotnet_and_an_overriding_executable_directly', () => {
    const env = { LOGTO_DOTNET_CONNECTOR_HOST: '/opt/host/logto-connector-host.dll' };
    assert.deepEqual(resolveHostCommand({ manifest, packageDir, env, rid: 'osx-arm64' }), {
      command: 'dotnet',
      args: ['/opt/host/logto-connector-host.dll', 'serve'],
      source: 'LOGTO_DOTNET_CONNECTOR_HOST (dotnet /opt/host/logto-connector-host.dll)',
    });
    const exe = { LOGTO_DOTNET_CONNECTOR_HOST: '/opt/host/logto-connector-host' };
    assert.equal(resolveHostCommand({ manifest, packageDir, env: exe, rid: 'osx-arm64' }).command, '/opt/host/logto-connector-host');
  });
});
