'use strict';
// The server part is TypeScript compiled by the app's `tsc` into the dist tree Strapi runs
// from (dist/ for the app, dist-test/ for the tests): load it from there.
const path = require('path');

const compiled = require(path.join(strapi.dirs.dist.src, 'plugins', 'workflow', 'server', 'src', 'index.js'));
module.exports = compiled.default || compiled;
