// Validates a SARIF log (the file named by the first argument) against the SARIF 2.1.0 JSON schema that Microsoft's
// SARIF SDK for JavaScript ships. Prints "valid", or the schema errors and exits with 1.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');

const schemaPath = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
// The schema is written in JSON Schema draft-04; ajv 6 validates draft-04 with its meta-schema added.
const ajv = new Ajv({ schemaId: 'auto', allErrors: true, format: 'full' });
ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
const validate = ajv.compile(schema);

const log = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
if (validate(log)) {
  console.log('valid: ' + schema.title);
} else {
  console.log(JSON.stringify(validate.errors, null, 2));
  process.exit(1);
}
