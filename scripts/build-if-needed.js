// `npm start` builds first when dist/ is missing or older than the sources.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { execSync } = require('node:child_process');

const root = join(__dirname, '..');
const output = join(root, 'dist', 'cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const inputs = [
  join(root, 'package.json'),
  join(root, 'tsconfig.json'),
  join(root, 'tsconfig.build.json'),
];
const newestInput = Math.max(
  newestSource(join(root, 'src')),
  ...inputs.map((f) => statSync(f).mtimeMs),
);
if (!existsSync(output) || statSync(output).mtimeMs < newestInput) {
  console.log('Building POCA Ledger (dist/ is missing or out of date)...');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
