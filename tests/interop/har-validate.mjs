// SPDX-License-Identifier: GPL-3.0-or-later
// node har-validate.mjs FILE.har — validates a HAR 1.2 file with npm har-validator (a schema we
// did not write); exit 1 with the validator's errors.
import { readFileSync } from 'node:fs';
import validator from 'har-validator';

const har = JSON.parse(readFileSync(process.argv[2], 'utf8'));
try {
  await validator.har(har);
  console.log(`valid HAR ${har.log.version}: ${har.log.entries.length} entries`);
} catch (error) {
  console.error(JSON.stringify(error.errors ?? error.message, null, 2));
  process.exit(1);
}
