// The template usage types every config must have, as the committed config schema requires them (allOf/contains, generated
// from the Kit's TemplateTypes.Required), in Logto's order: Register, SignIn, ForgotPassword, Generic.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schema/aliyun-direct-mail.config.schema.json');

export const requiredUsageTypes = JSON.parse(readFileSync(schemaFile, 'utf8'))
  .properties.templates.allOf.map((rule) => rule.contains.properties.usageType.const);
