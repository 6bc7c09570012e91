// Answers, for each case of patterns and paths read as JSON from stdin, whether @balena/dockerignore (a port
// of Docker's own matcher) leaves each path out of the build context. Case-sensitive, as Docker is on Linux.
'use strict';
const dockerignore = require('@balena/dockerignore');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const { cases } = JSON.parse(input);
  const answers = cases.map(c => {
    const matcher = dockerignore({ ignorecase: false }).add(c.patterns);
    return c.paths.map(p => matcher.ignores(p));
  });
  process.stdout.write(JSON.stringify(answers));
});
