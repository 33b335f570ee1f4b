// The generated files are current: schemas/postmortemrc.schema.json and package.json contributes.configuration /
// jsonValidation equal what scripts/generate.ts makes from the rule registry. Run `npm run generate` when this fails.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildConfiguration, buildJsonValidation, buildSchema, PACKAGE_JSON_PATH, SCHEMA_PATH, schemaText } from '../../scripts/generate';
import { rules as registry } from '../../server/src/rules/index';
import { validateConfig } from '../../server/src/config/validate';

describe('generated files', () => {
  it('schemas/postmortemrc.schema.json is current (run npm run generate)', () => {
    assert.equal(readFileSync(SCHEMA_PATH, 'utf8'), schemaText());
  });

  it('package.json contributes.configuration and jsonValidation are current (run npm run generate)', () => {
    const pkg = JSON.parse(readFileSync(PACKAGE_JSON_PATH, 'utf8'));
    assert.deepEqual(pkg.contributes.configuration, buildConfiguration());
    assert.deepEqual(pkg.contributes.jsonValidation, buildJsonValidation());
  });

  it('offers every rule of the registry, with its description, in settings and in the schema', () => {
    const settings = (buildConfiguration().properties as Record<string, { properties?: Record<string, { description: string }> }>)['postmortemLint.rules'];
    const schemaRules = ((buildSchema().properties as Record<string, { properties: Record<string, unknown> }>).rules).properties;
    for (const rule of registry) {
      assert.ok(settings.properties?.[rule.id], `setting for ${rule.id}`);
      assert.ok(settings.properties[rule.id].description.startsWith(rule.description), `description of ${rule.id}`);
      assert.ok(schemaRules[rule.id], `schema entry for ${rule.id}`);
    }
    assert.equal(Object.keys(schemaRules).length, registry.length);
  });

  it('each rule\'s defaults pass the configuration validator (schema and validator agree on the defaults)', () => {
    const rules = Object.fromEntries(registry.map((r) => [r.id, [r.defaultSeverity, r.defaultOptions]]));
    assert.deepEqual(validateConfig({ rules }, '.postmortemrc.json', registry).problems, []);
  });
});
