// node validate-sbom.js FILE: validates FILE against the CycloneDX 1.6 JSON schema with the CycloneDX project's own
// library (its strict JSON validator, which needs the ajv peers of package.json). Exits 0 when valid; prints the errors
// and exits 1 when not, 2 when it could not validate at all.
'use strict';
const fs = require('fs');
const { Spec, Validation } = require('@cyclonedx/cyclonedx-library');

const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);
validator.validate(fs.readFileSync(process.argv[2], 'utf8')).then(
  errors => {
    if (errors === null) {
      console.log('valid CycloneDX 1.6');
      process.exit(0);
    }
    console.log(JSON.stringify(errors, null, 2));
    process.exit(1);
  },
  error => {
    console.error(error);
    process.exit(2);
  });
