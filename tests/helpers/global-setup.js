// Compiles the app once for every test file (Strapi loads config and src from dist/).
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async () => {
  if (process.env.SKIP_COMPILE === '1') return;
  const root = path.join(__dirname, '..', '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: root,
    stdio: 'inherit',
  });
};
