// A build pool worker thread (piscina, see pipeline/build/pool.ts): the bundled CLI's task handler,
// compiled with the code cache the way bin/briefs.js compiles the CLI, so a worker starts as quickly.
'use strict';
const path = require('node:path');
const { loadBundle } = require('./load-bundle.cjs');

const dist = path.join(__dirname, '..', 'dist');
module.exports = loadBundle(path.join(dist, 'bundle', 'cli.cjs'), path.join(dist, 'compile-cache')).runWorkerTask;
