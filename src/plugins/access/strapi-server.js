'use strict';
// Compiled by the app's `tsc` into the dist tree Strapi runs from (dist/ or dist-test/).
const path = require('path');

const compiled = require(path.join(strapi.dirs.dist.src, 'plugins', 'access', 'server', 'src', 'index.js'));
module.exports = compiled.default || compiled;
