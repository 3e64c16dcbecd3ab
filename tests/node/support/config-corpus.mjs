// A seeded corpus of Aliyun Direct Mail configs, valid and invalid, built from the schema's own lists (regions, usage
// types, required keys) plus the mistakes admins make: missing keys, wrong JSON types, unknown regions, bad endpoints,
// missing or malformed templates, extra keys.
import { seededRandom } from './random.mjs';

const values = {
  string: () => 'text',
  number: () => 42,
  boolean: () => true,
  null: () => null,
  array: () => ['x'],
  object: () => ({ nested: 'x' }),
};
const goodEndpoints = ['https://dm.aliyuncs.com/', 'http://127.0.0.1:8080/', 'https://dm-vpc.cn-hangzhou.aliyuncs.com', 'http://localhost:5000/dm/'];
const badEndpoints = ['dm.aliyuncs.com', 'ftp://dm.aliyuncs.com/', 'not a uri', '', 'https://dm aliyuncs.com/', 'http://', 'mailto:a@b.c'];
const badRegions = ['cn-shanghai', 'CN-HANGZHOU', '', 'eu-central'];

export function generateCorpus(schema, { seed, count }) {
  const random = seededRandom(seed);
  const regions = schema.properties.regionId.enum;
  const usageTypes = schema.properties.templates.items.properties.usageType.examples;
  const requiredUsageTypes = schema.properties.templates.allOf.map((rule) => rule.contains.properties.usageType.const);
  const otherTypes = (except) => Object.keys(values).filter((type) => type !== except);

  const template = (usageType) => ({ usageType, subject: `${usageType} code {{code}}`, content: `<p>{{code}} ${usageType}</p>` });
  const validConfig = () => {
    const config = {
      accessKeyId: `LTAI${random.int(1000, 9999)}`,
      accessKeySecret: `secret-${random.int(0, 1e6)}`,
      accountName: 'noreply@mail.example.com',
      templates: usageTypes.filter((type) => requiredUsageTypes.includes(type) || random.chance(0.3)).map(template),
    };
    if (random.chance(0.5)) config.regionId = random.pick(regions);
    if (random.chance(0.4)) config.endpoint = random.pick(goodEndpoints);
    if (random.chance(0.4)) config.fromAlias = random.pick(['Example', '']);
    if (random.chance(0.3)) config.escapeHtml = random.chance(0.5);
    return config;
  };

  const mutations = [
    (c) => delete c[random.pick(schema.required)],
    (c) => {
      const key = random.pick(Object.keys(schema.properties));
      c[key] = values[random.pick(otherTypes(schema.properties[key].type))]();
    },
    (c) => (c.regionId = random.pick(badRegions)),
    (c) => (c.endpoint = random.pick(badEndpoints)),
    (c) => {
      if (!Array.isArray(c.templates)) return;
      const dropped = requiredUsageTypes.filter(() => random.chance(0.5));
      if (dropped.length === 0) dropped.push(random.pick(requiredUsageTypes));
      c.templates = c.templates.filter((t) => !dropped.includes(t?.usageType));
    },
    (c) =>
      Array.isArray(c.templates) &&
      c.templates.length > 0 &&
      (c.templates[random.int(0, c.templates.length - 1)] = values[random.pick(otherTypes('object'))]()),
    (c) => {
      const item = Array.isArray(c.templates) && c.templates.find((t) => t && typeof t === 'object');
      if (item) delete item[random.pick(['usageType', 'subject', 'content'])];
    },
    (c) => {
      const item = Array.isArray(c.templates) && c.templates.find((t) => t && typeof t === 'object');
      if (item) item[random.pick(['usageType', 'subject', 'content'])] = values[random.pick(otherTypes('string'))]();
    },
    (c) => Array.isArray(c.templates) && c.templates.push({ ...template('Generic'), usageType: random.pick(['Test', 'generic', '']) }),
    (c) => (c.templates = values[random.pick(otherTypes('array'))]()),
  ];

  return Array.from({ length: count }, () => {
    const config = validConfig();
    // About half stay valid (some with unknown extra keys, which the schema allows); the rest get 1-3 mistakes.
    if (random.chance(0.15)) config[random.pick(['tagName', 'extra', 'clickTrace'])] = 'x';
    if (random.chance(0.5)) return config;
    for (let n = random.int(1, 3); n > 0; n -= 1) random.pick(mutations)(config);
    return config;
  });
}
