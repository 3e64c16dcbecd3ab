// The published Native AOT host has no stack trace metadata (StackTraceSupport=false): its stack frames read
// `logto-connector-host!<BaseAddress>+0x…`. scripts/symbolize, with the symbols scripts/build-host kept for the same build,
// must turn a real trace of that host into method names with source lines. Expected failures are logged without a stack
// trace, so the trace comes from the host's `stack-trace` command.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { hostUnderTest, repoDir } from './support/artifacts.mjs';

const host = hostUnderTest();
const skip = host.kind === 'published' ? false : `needs the published host (${host.reason})`;

describe('scripts/symbolize', () => {
  it('Turns_the_AOT_hosts_logged_stack_frames_into_methods_and_source_lines', { skip }, async () => {
    const traced = spawnSync(host.file, ['stack-trace'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(traced.status, 0, traced.stderr);
    const frames = traced.stderr.match(/logto-connector-host!<BaseAddress>\+0x[0-9a-f]+/g) ?? [];
    assert.ok(frames.length > 0, `the host printed no address frames:\n${traced.stderr}`);

    const symbolized = spawnSync(path.join(repoDir, 'scripts', 'symbolize'), [], { input: traced.stderr, encoding: 'utf8' });

    assert.equal(symbolized.status, 0, symbolized.stderr);
    assert.match(symbolized.stdout, /StackTraceCommand__\w+ \(\S*StackTraceCommand\.cs:\d+\)/);
    const left = symbolized.stdout.match(/<BaseAddress>\+0x/g)?.length ?? 0;
    assert.ok(left < frames.length / 4, `${left} of ${frames.length} frames stayed unresolved`);
  });
});
