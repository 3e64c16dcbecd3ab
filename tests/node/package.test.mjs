// The npm package as published: its export surface, what the bundle imports, and what `npm pack` puts in the tarball.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import semver from 'semver';
import { runtimeIdentifier } from '../../lib/src/platform.js';
import { ensurePackage, repoDir, stagedPackageDir } from './support/artifacts.mjs';

const run = promisify(execFile);
const packageJson = JSON.parse(readFileSync(path.join(repoDir, 'package.json'), 'utf8'));
const stagedPackage = stagedPackageDir();
let tarball;

before(async () => {
  tarball = await ensurePackage();
});

const childPids = () => {
  try {
    return readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
};

describe('the package', () => {
  it('Exports_only_a_default_createConnector_that_returns_an_Email_connector', async () => {
    const module = await import(pathToFileURL(path.join(stagedPackage, 'lib/index.js')).href);
    assert.deepEqual(Object.keys(module), ['default']);
    assert.equal(typeof module.default, 'function');
    const connector = await module.default({ getConfig: async () => ({}) });
    assert.deepEqual(Object.keys(connector).sort(), ['configGuard', 'metadata', 'sendMessage', 'type']);
    assert.equal(connector.type, 'Email');
    assert.deepEqual(Object.keys(connector.configGuard).sort(), ['parse', 'safeParse']);
    assert.equal(typeof connector.sendMessage, 'function');
  });

  it('Starts_no_process_when_Logto_creates_the_connector_again_and_again', { skip: process.platform !== 'linux' }, async () => {
    const module = await import(pathToFileURL(path.join(stagedPackage, 'lib/index.js')).href);
    const before = childPids();
    for (let i = 0; i < 20; i += 1) await module.default({ getConfig: async () => ({}) });
    assert.deepEqual(childPids(), before);
  });

  it('Bundles_everything_but_node_builtins_and_the_instances_connector_kit', () => {
    const bundle = readFileSync(path.join(stagedPackage, 'lib/index.js'), 'utf8');
    const imported = [...bundle.matchAll(/^import\s[^'"]*["']([^"']+)["'];?$/gm)].map((match) => match[1]);
    const required = [...bundle.matchAll(/\b__require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    const foreign = [...imported, ...required].filter((name) => !builtins.has(name) && name !== '@logto/connector-kit');
    assert.deepEqual(foreign, []);
    assert.ok(imported.includes('@logto/connector-kit'));
  });

  it('Declares_connector_kit_as_its_only_dependency_with_a_range_the_installed_Logto_satisfies', () => {
    assert.match(packageJson.name, /^(connector-|@[^/]+\/connector-)/);
    assert.equal(packageJson.type, 'module');
    assert.deepEqual(packageJson.dependencies, { '@logto/connector-kit': '^5.1.0' });
    const kit = JSON.parse(readFileSync(path.join(repoDir, 'node_modules/@logto/connector-kit/package.json'), 'utf8'));
    assert.ok(semver.satisfies(kit.version, packageJson.dependencies['@logto/connector-kit']));
  });

  it('Packs_only_the_files_whitelist_and_never_node_modules', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoDir });
    const files = JSON.parse(stdout)[0].files.map((file) => file.path);
    const allowed = /^(package\.json|README\.md|connector\/AliyunDirectMail\/README\.md|logo\.svg|logto-connector\.manifest\.json|lib\/index\.js|schema\/[^/]+|host\/publish\/.+)$/;
    assert.deepEqual(files.filter((file) => !allowed.test(file)), []);
    assert.deepEqual(files.filter((file) => file.includes('node_modules')), []);
    const required = ['package.json', 'lib/index.js', 'logto-connector.manifest.json', 'schema/aliyun-direct-mail.config.schema.json'];
    for (const file of required) {
      assert.ok(files.includes(file), `${file} is packed`);
    }
  });

  it('Packs_the_host_executable_the_manifest_names_for_this_platform_with_its_execute_bit', async () => {
    const manifest = JSON.parse(readFileSync(path.join(repoDir, 'logto-connector.manifest.json'), 'utf8'));
    const executable = path.posix.normalize(manifest.host.executables[runtimeIdentifier()]);
    const { stdout } = await run('tar', ['-tvzf', tarball]);
    const entries = stdout.split('\n');
    const entry = entries.find((line) => line.endsWith(` package/${executable}`));
    assert.ok(entry, `${executable} is in the tarball`);
    assert.match(entry, /^-rwx/);
    assert.ok(!entries.some((line) => line.includes('node_modules/')));
  });
});
