// Compiles the app once for every test file into dist-test/ (not dist/, which a developer's
// running `strapi develop` cleans and rewrites). Same depth as dist/, so config paths hold.
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async () => {
  if (process.env.SKIP_COMPILE === '1') return;
  const root = path.join(__dirname, '..', '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', 'dist-test'], {
    cwd: root,
    stdio: 'inherit',
  });
};
