// The published hosts that `npm pack` ships (scripts/build-host, under the manifest's host.executables): each one asks for
// the C library and is built for the CPU its runtime identifier promises (a musl build cannot run on this glibc machine, so
// its ELF header is the check), and the linux-x64 and linux-arm64 builds are Native AOT, not the single-file fallback. A
// runtime not built here is skipped. The linux-arm64 build also runs: under qemu-aarch64 on x64, through the bridge's own
// process manager, against the sandbox running natively.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { HostProcess, protocolVersion } from '../../lib/src/host-process.js';
import { hostUnderTest, repoDir } from './support/artifacts.mjs';
import { capturingLogger, connectorId, sandboxConfig } from './support/bridge.mjs';
import { elfInterpreter, elfMachine, isSingleFileBundle } from './support/elf.mjs';
import { useSandbox } from './support/sandbox.mjs';

const manifest = JSON.parse(readFileSync(path.join(repoDir, 'logto-connector.manifest.json'), 'utf8'));
const executables = Object.entries(manifest.host.executables).map(([rid, relative]) => ({ rid, file: path.resolve(repoDir, relative) }));
const skipUnlessBuilt = ({ file }) => (existsSync(file) ? false : "not built here (run scripts/build-host)");

describe('the published hosts', () => {
  for (const { rid, file } of executables.filter(({ rid }) => rid.startsWith('linux-musl-'))) {
    it(`Requests_musls_loader_in_the_${rid}_build`, { skip: skipUnlessBuilt({ file }) }, () => {
      assert.match(elfInterpreter(file), /^\/lib\/ld-musl-[a-z0-9_]+\.so\.1$/);
    });
  }

  for (const { rid, file } of executables.filter(({ rid }) => /^linux-(x64|arm64)$/.test(rid))) {
    it(`Requests_glibcs_loader_in_the_${rid}_build`, { skip: skipUnlessBuilt({ file }) }, () => {
      assert.match(elfInterpreter(file), /^\/lib(64)?\/ld-linux-[a-z0-9_-]+\.so\.\d+$/);
    });

    it(`Ships_the_${rid}_build_as_Native_AOT_not_as_a_single_file_bundle`, { skip: skipUnlessBuilt({ file }) }, () => {
      assert.equal(isSingleFileBundle(file), false);
    });
  }

  for (const { rid, file } of executables.filter(({ rid }) => rid.startsWith('linux-'))) {
    it(`Builds_the_${rid}_host_for_its_CPU`, { skip: skipUnlessBuilt({ file }) }, () => {
      assert.equal(elfMachine(file), rid.split('-').at(-1));
    });
  }

  const muslHost = executables.find(({ rid }) => rid === 'linux-musl-x64') ?? { file: '' };
  it('Tells_a_single_file_bundle_from_a_Native_AOT_binary', { skip: skipUnlessBuilt(muslHost) }, () => {
    // The musl fallback is a single-file bundle: the detector that guards the AOT build must recognise one.
    assert.equal(isSingleFileBundle(executables.find(({ rid }) => rid === 'linux-musl-x64').file), true);
  });
});

// The published host only serves (host/Cli/ServeOnlyBuild.cs): serve's command line as the bridge passes it, and
// stack-trace for scripts/symbolize; any other command line is refused with the usage exit code and a pointer to the full
// CLI, which runs from source. The host for this machine, as scripts/test stages it (LOGTO_TEST_HOST=published).
const published = hostUnderTest();
const usageExitCode = 2; // host/Cli/ExitCodes.cs: ExitCodes.Usage
const refusal = /^logto-connector-host: this published build only serves .*dotnet run --project host\/Cli -- --help$/m;
const runPublished = (args) => spawnSync(published.file, args, { encoding: 'utf8', timeout: 60_000 });

const publishedSkip = published.kind === 'published' ? false : `needs the published host (${published.reason})`;

describe('the published host for this machine', { skip: publishedSkip }, () => {
  it('Answers_initialize_with_the_bridges_command_line', async () => {
    const { lines, logger } = capturingLogger();
    const host = new HostProcess({
      resolveCommand: () => ({ command: published.file, args: manifest.host.args, source: published.file }),
      client: { name: 'host-binaries-test', version: '1' },
      logger,
      startTimeoutMs: 60_000,
      callTimeoutMs: 60_000,
    });
    try {
      await host.call('ping', {});
      assert.equal(host.info.protocolVersion, protocolVersion);
      assert.ok(host.info.connectors.some(({ id }) => id === connectorId), JSON.stringify(host.info));
    } catch (error) {
      error.message += `\nhost stderr:\n${lines.map(({ line }) => line).join('\n')}`;
      throw error;
    } finally {
      await host.stop();
    }
  });

  it('Runs_stack_trace', () => {
    const run = runPublished(['stack-trace']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /^\s+at /m);
    assert.equal(run.stdout, '');
  });

  for (const args of [['manifest'], ['--help'], ['schema', '--connector', connectorId]]) {
    it(`Refuses_${args.join('_')}_with_the_usage_exit_code_naming_the_way_to_the_full_CLI`, () => {
      const run = runPublished(args);
      assert.equal(run.status, usageExitCode, run.stderr);
      assert.match(run.stderr, refusal);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.equal(run.stdout, '');
    });
  }

  it('Names_the_bad_argument_of_a_serve_command_line', () => {
    const run = runPublished(['serve', '--max-frame-bytes', 'lots']);
    assert.equal(run.status, usageExitCode, run.stderr);
    assert.match(run.stderr, /^error: --max-frame-bytes must be a positive whole number, not 'lots'$/m);
    assert.match(run.stderr, refusal);
    assert.equal(run.stdout, '');
  });
});

// scripts/test builds every host first (LOGTO_TEST_HOST=published): there a missing arm64 build or emulator fails the test
// instead of skipping it.
const arm64Relative = './host/publish/linux-arm64/logto-connector-host';
const arm64Host = path.resolve(repoDir, arm64Relative);
const nativeArm64 = process.arch === 'arm64';
const qemu = 'qemu-aarch64';
const arm64Missing = [
  !existsSync(arm64Host) && `no linux-arm64 build at ${arm64Relative} (run scripts/build-host linux-arm64)`,
  !nativeArm64 && spawnSync(qemu, ['--version']).error
    && `${qemu} not found (Debian package qemu-user; scripts/build-host linux-arm64 installs it)`,
].filter(Boolean);
const arm64Skip = arm64Missing.length > 0 && process.env.LOGTO_TEST_HOST !== 'published' && arm64Missing.join('; ');

describe(`the linux-arm64 host${nativeArm64 ? '' : ` under ${qemu}`}`, { skip: arm64Skip }, () => {
  const fixture = useSandbox();

  it('Lists_the_linux_arm64_build_in_the_manifest', () => {
    assert.equal(manifest.host.executables['linux-arm64'], arm64Relative);
  });

  it('Answers_initialize_and_sends_a_mail_to_the_sandbox_through_the_bridges_process_manager', async (t) => {
    assert.deepEqual(arm64Missing, [], 'scripts/build-host should have built and made runnable the linux-arm64 host');
    const { lines, logger } = capturingLogger();
    const host = new HostProcess({
      resolveCommand: () =>
        nativeArm64
          ? { command: arm64Host, args: manifest.host.args, source: arm64Relative }
          : { command: qemu, args: [arm64Host, ...manifest.host.args], source: `${qemu} ${arm64Relative}` },
      client: { name: 'host-binaries-test', version: '1' },
      logger,
      // Emulated, on a loaded machine: a generous bound for "eventually answers".
      startTimeoutMs: 120_000,
      callTimeoutMs: 120_000,
    });
    try {
      const to = 'arm64@example.com';
      const startedAt = performance.now();
      const result = await host.call('sendMessage', {
        connectorId,
        to,
        type: 'Generic',
        payload: { code: '640064' },
        config: sandboxConfig(fixture.sandbox.endpoint),
      });
      t.diagnostic(`initialize and sendMessage answered in ${Math.round(performance.now() - startedAt)} ms`);
      assert.equal(host.info.protocolVersion, protocolVersion);
      assert.deepEqual(host.info.connectors.map(({ id }) => id).includes(connectorId), true);
      const mails = (await fixture.sandbox.outbox()).filter(({ toAddress }) => toAddress === to);
      assert.equal(mails.length, 1, 'one mail in the sandbox outbox');
      assert.equal(mails[0].envId, result.EnvId);
      assert.equal(mails[0].subject, 'Generic code 640064');
    } catch (error) {
      error.message += `\nhost stderr:\n${lines.map(({ line }) => line).join('\n')}`;
      throw error;
    } finally {
      await host.stop();
    }
  });
});
