#!/usr/bin/env node
'use strict';
// Launcher for the bundled CLI (built by `npm run build:cli`, also run by `npm install`).
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'out', 'cli', 'latchkey.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    'latchkey: the command line is not built yet. Run `npm run build:cli` first.\n',
  );
  process.exit(2);
}
require(bundle);
