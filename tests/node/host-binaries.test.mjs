// The published hosts that `npm pack` ships (scripts/build-host, under the manifest's host.executables): each one asks for
// the C library its runtime identifier promises (a musl build cannot run on this glibc machine, so its ELF header is the
// check), and the linux-x64 build is Native AOT, not the single-file fallback. A runtime not built here is skipped.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { elfInterpreter, isSingleFileBundle } from './support/elf.mjs';
import { repoDir } from './support/artifacts.mjs';

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

  it('Tells_a_single_file_bundle_from_a_Native_AOT_binary', { skip: skipUnlessBuilt(executables.find(({ rid }) => rid === 'linux-musl-x64') ?? { file: '' }) }, () => {
    // The musl fallback is a single-file bundle: the detector that guards the AOT build must recognise one.
    assert.equal(isSingleFileBundle(executables.find(({ rid }) => rid === 'linux-musl-x64').file), true);
  });
});
