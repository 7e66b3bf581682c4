// SPDX-License-Identifier: GPL-3.0-or-later
// Validates an AsyncAPI document (file path or URL) with the AsyncAPI project's own parser:
// exits 1 and prints every diagnostic of severity error (or warning, with --strict).
import { Parser, fromFile, fromURL } from '@asyncapi/parser';

const [source, flag] = process.argv.slice(2);
const parser = new Parser();
const resource = /^https?:/.test(source) ? fromURL(parser, source) : fromFile(parser, source);
const { document, diagnostics } = await resource.parse();
const limit = flag === '--strict' ? 1 : 0;   // DiagnosticSeverity: 0 error, 1 warning
const problems = diagnostics.filter((d) => d.severity <= limit);
for (const d of problems)
  console.error(`${d.severity === 0 ? 'error' : 'warning'} ${d.code} at ${d.path.join('.')}: ${d.message}`);
if (!document || problems.length > 0)
  process.exit(1);
const channels = document.channels().all().map((c) => c.address());
console.log(`valid AsyncAPI ${document.version()}: ${channels.length} channels (${channels.join(', ')}), `
            + `${document.operations().all().length} operations, ${document.messages().all().length} messages`);
