// Parses an HCL file with HashiCorp's own HCL parser (hcl2json, WebAssembly) and prints it as JSON; a syntax error
// exits with 1 and the parser's message.
const fs = require("fs");
const { parse } = require("@cdktf/hcl2json");

const file = process.argv[2];
parse(file, fs.readFileSync(file, "utf8"))
  .then((json) => process.stdout.write(JSON.stringify(json, null, 2) + "\n"))
  .catch((error) => {
    process.stderr.write(String(error && error.message ? error.message : error) + "\n");
    process.exit(1);
  });
