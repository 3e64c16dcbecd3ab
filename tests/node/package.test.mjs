// The npm package as published: its export surface, what the bundle imports, what `npm pack` puts in the tarball, and the
// list and licences of the npm packages the bundle holds (both packages).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import semver from 'semver';
import { runtimeIdentifier } from '../../lib/src/platform.js';
import { ensurePackage, packages, repoDir, stagedPackageDir } from './support/artifacts.mjs';

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
    const allowed =
      /^(package\.json|README\.md|connector\/AliyunDirectMail\/README\.md|logo\.svg|logto-connector\.manifest\.json|lib\/(index\.js|bundled-packages\.json|THIRD-PARTY-NOTICES\.md)|schema\/[^/]+|host\/publish\/.+)$/;
    assert.deepEqual(files.filter((file) => !allowed.test(file)), []);
    assert.deepEqual(files.filter((file) => file.includes('node_modules')), []);
    const required = [
      'package.json',
      'lib/index.js',
      'lib/bundled-packages.json',
      'lib/THIRD-PARTY-NOTICES.md',
      'logto-connector.manifest.json',
      'schema/aliyun-direct-mail.config.schema.json',
    ];
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

// esbuild heads each input file in the bundle with a comment naming its path ("// node_modules/ajv/dist/core.js"): the
// packages in the bundle, found without the metafile that scripts/stage-package.mjs lists them from. Name -> folder
// (relative to the repository, esbuild's working directory).
function packagesInBundle(bundle) {
  const folders = new Map();
  for (const [, folder] of bundle.matchAll(/^\/\/ (\S*node_modules\/(?:@[^/\s]+\/)?[^/\s]+)\//gm)) {
    folders.set(folder.replace(/^.*node_modules\//, ''), folder);
  }
  return folders;
}

describe('the npm packages in the bundle', () => {
  for (const pkg of [packages.directMail, packages.sms]) {
    it(`Are_listed_exactly_with_their_installed_versions_and_licence_texts_in_${pkg.id}`, async () => {
      await ensurePackage(pkg);
      // The staged folder holds exactly the files `npm pack --dry-run` lists for the package.
      const stage = stagedPackageDir(pkg);
      const inBundle = packagesInBundle(readFileSync(path.join(stage, 'lib/index.js'), 'utf8'));
      const list = JSON.parse(readFileSync(path.join(stage, 'lib/bundled-packages.json'), 'utf8'));
      const notices = readFileSync(path.join(stage, 'lib/THIRD-PARTY-NOTICES.md'), 'utf8');
      assert.ok(inBundle.has('ajv'), 'the bundle holds ajv (the config guard)');
      assert.deepEqual(list.packages.map(({ name }) => name), [...inBundle.keys()].sort());
      for (const { name, version, license, purl } of list.packages) {
        const folder = path.resolve(repoDir, inBundle.get(name));
        const installed = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
        assert.equal(version, installed.version, `${name}'s version`);
        assert.equal(license, installed.license, `${name}'s licence`);
        assert.match(license, /^\(?[A-Za-z0-9.+-]+( (OR|AND|WITH) [A-Za-z0-9.+-]+)*\)?$/, `${name}'s licence is an SPDX expression`);
        assert.equal(purl, `pkg:npm/${name.replace(/^@/, '%40')}@${version}`);
        assert.ok(notices.includes(`## ${name} ${version} (${license})`), `${name} has a section in the notices`);
        const licenseFiles = readdirSync(folder).filter((file) => /^(licen[cs]e|copying)/i.test(file));
        assert.notEqual(licenseFiles.length, 0, `${name} ships a licence file`);
        for (const file of licenseFiles) {
          assert.ok(notices.includes(readFileSync(path.join(folder, file), 'utf8').trim()), `${name}'s ${file} is in the notices`);
        }
      }
    });
  }
});
