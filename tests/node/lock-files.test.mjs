// NuGet lock files: every project commits one, and a locked restore (CI=true, or scripts/test's RestoreLockedMode=true)
// fails when a package version differs from it. Runs `dotnet restore` on a copy of two small projects (connector/Kit and
// connector/Aliyun, whose Microsoft.Extensions.Http brings transitive packages) with the repository's Directory.*.props;
// every version is pinned and in the local NuGet cache after the .NET tests' restore, so no package source is asked.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const copied = [
  'Directory.Build.props',
  'Directory.Packages.props',
  'global.json',
  'connector/Kit/Logto.ConnectorKit.csproj',
  'connector/Kit/packages.lock.json',
  'connector/Aliyun/Logto.Connector.Aliyun.csproj',
  'connector/Aliyun/packages.lock.json',
];
// Aliyun uses it only through Microsoft.Extensions.Http: a transitive package with a central version.
const transitivePackage = 'Microsoft.Extensions.DependencyInjection.Abstractions';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'lock-files-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function copyProjects(name) {
  const dir = path.join(scratch, name);
  for (const file of copied) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(repoDir, file), path.join(dir, file));
  }
  return dir;
}

function changeCentralVersion(dir, packageId) {
  const file = path.join(dir, 'Directory.Packages.props');
  const props = readFileSync(file, 'utf8');
  const pattern = new RegExp(`(<PackageVersion Include="${packageId.replaceAll('.', '\\.')}" Version=")([^"]+)"`);
  const current = props.match(pattern)?.[2];
  assert.ok(current, `${packageId} has no central version in Directory.Packages.props`);
  const [major, minor, patch] = current.split('.').map(Number);
  const changed = `${major}.${minor}.${patch > 0 ? patch - 1 : patch + 1}`;
  writeFileSync(file, props.replace(pattern, `$1${changed}"`));
  return changed;
}

/** `dotnet restore connector/Aliyun` in `dir`; resolves to { code, output } whatever the exit code. */
function restore(dir, env) {
  const environment = { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', ...env };
  for (const [key, value] of Object.entries(environment)) if (value === undefined) delete environment[key];
  return new Promise((resolve) => {
    const options = { cwd: dir, env: environment, timeout: 180_000 };
    execFile('dotnet', ['restore', 'connector/Aliyun', '-v', 'q', '--disable-build-servers'], options, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe('NuGet lock files', () => {
  it('Every_project_commits_its_lock_file', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: repoDir, encoding: 'utf8' }).split('\n');
    const projects = tracked.filter((file) => file.endsWith('.csproj'));
    assert.ok(projects.length > 0);
    for (const project of projects) {
      const dir = path.dirname(project);
      const locks = tracked.filter((file) => path.dirname(file) === dir && /^packages\..*lock\.json$/.test(path.basename(file)));
      assert.ok(locks.length > 0, `${project} has no committed packages.lock.json`);
    }
  });

  it('The_lock_files_cover_every_runtime_the_package_ships', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoDir, 'logto-connector.manifest.json'), 'utf8'));
    const props = readFileSync(path.join(repoDir, 'Directory.Build.props'), 'utf8');
    const listed = props.match(/<RuntimeIdentifiers[^>]*>([^<]+)<\/RuntimeIdentifiers>/)?.[1].split(';') ?? [];
    for (const rid of Object.keys(manifest.host.executables)) {
      assert.ok(listed.includes(rid), `Directory.Build.props's RuntimeIdentifiers (${listed.join(';')}) lacks ${rid}`);
    }
  });

  it('A_locked_restore_fails_when_a_transitive_version_changes', { timeout: 300_000 }, async () => {
    const untouched = copyProjects('untouched');
    const changedForCi = copyProjects('changed-ci');
    const changedForScripts = copyProjects('changed-scripts');
    const version = changeCentralVersion(changedForCi, transitivePackage);
    changeCentralVersion(changedForScripts, transitivePackage);
    const lockFile = path.join(untouched, 'connector/Aliyun/packages.lock.json');
    const locked = readFileSync(lockFile, 'utf8');

    const [clean, ci, scripts] = await Promise.all([
      restore(untouched, { CI: 'true', RestoreLockedMode: undefined }),
      restore(changedForCi, { CI: 'true', RestoreLockedMode: undefined }),
      restore(changedForScripts, { CI: undefined, RestoreLockedMode: 'true' }),
    ]);

    assert.equal(clean.code, 0, `the untouched copy did not restore in locked mode:\n${clean.output}`);
    assert.equal(readFileSync(lockFile, 'utf8'), locked, 'a locked restore rewrote the lock file');
    for (const [how, result] of [['CI=true', ci], ['RestoreLockedMode=true', scripts]]) {
      assert.notEqual(result.code, 0, `with ${how}, ${transitivePackage} ${version} restored:\n${result.output}`);
      assert.match(result.output, /error NU1004/, `with ${how}:\n${result.output}`);
    }
  });
});
