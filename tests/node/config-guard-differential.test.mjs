// The JS configGuard (ajv) and the host's validateConfig (ConfigSchemaEvaluator) read the same schema file; on a seeded corpus
// they must agree on every verdict and on every issue (code, message, path).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createConfigGuard } from '../../lib/src/config-guard.js';
import { HostProcess } from '../../lib/src/host-process.js';
import { resolveHostCommand } from '../../lib/src/platform.js';
import { RpcResponseError } from '../../lib/src/rpc-client.js';
import { ensureHost, packages, repoDir } from './support/artifacts.mjs';
import { generateCorpus } from './support/config-corpus.mjs';

const schema = JSON.parse(readFileSync(path.join(repoDir, 'schema/aliyun-direct-mail.config.schema.json'), 'utf8'));
const manifestFile = path.join(repoDir, 'logto-connector.manifest.json');
const seed = Number(process.env.CORPUS_SEED ?? 20261129);
let host;

before(async () => {
  const hostDll = await ensureHost();
  const manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};
  host = new HostProcess({
    resolveCommand: () => resolveHostCommand({ manifest, packageDir: repoDir, env: { LOGTO_DOTNET_CONNECTOR_HOST: hostDll } }),
    client: { name: 'config-guard-differential', version: '1' },
    logger: { error: console.error, warn() {}, info() {} },
  });
});
after(() => host?.stop());

async function hostVerdict(config) {
  try {
    await host.call('validateConfig', { connectorId: packages.directMail.id, config });
    return { success: true };
  } catch (error) {
    if (!(error instanceof RpcResponseError) || error.code !== -32000 || error.data?.code !== 'invalid_config') throw error;
    return { success: false, issues: error.data.data.issues };
  }
}

describe('configGuard and the host', () => {
  it('Agree_on_every_verdict_and_issue_for_a_seeded_corpus_of_250_configs', async (t) => {
    t.diagnostic(`seed ${seed} (set CORPUS_SEED to replay another)`);
    const guard = createConfigGuard(schema);
    const corpus = generateCorpus(schema, { seed, count: 250 });
    const disagreements = [];
    let valid = 0;
    for (const [index, config] of corpus.entries()) {
      const js = guard.safeParse(config);
      const expected = js.success ? { success: true } : { success: false, issues: js.error.issues };
      const actual = await hostVerdict(config);
      if (js.success) valid += 1;
      try {
        assert.deepEqual(expected, actual);
      } catch {
        disagreements.push({ index, config, js: expected, host: actual });
      }
    }
    t.diagnostic(`${valid} valid, ${corpus.length - valid} invalid`);
    assert.ok(valid >= 60 && corpus.length - valid >= 60, `corpus too one-sided: ${valid} valid of ${corpus.length}`);
    assert.deepEqual(disagreements.slice(0, 3), [], `${disagreements.length} disagreements (seed ${seed})`);
  });
});
