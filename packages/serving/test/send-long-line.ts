/**
 * Test helper run as its own process (so the sending does not share the test's event loop):
 * POSTs to URL one NDJSON line of MEGABYTES MB, `{"FIELD":"xxx…"}`, and prints
 * `{"status", "ms", "text"}` with the time from sending the request to the complete answer.
 *
 * Usage: node --import tsx send-long-line.ts URL FIELD MEGABYTES
 */
import { rawRequest } from './raw-http.js';

const [url = '', field = 'x', megabytes = '90'] = process.argv.slice(2);
const body = Buffer.from(`{"${field}":"${'x'.repeat(Number(megabytes) * 1_000_000)}"}\n`);
const answer = await rawRequest({
  url,
  path: '/predict/batch',
  headers: { 'content-type': 'application/x-ndjson' },
  body,
  timeoutMs: 60_000,
});
console.log(
  JSON.stringify({ status: answer.status, ms: answer.ms, text: answer.text, error: answer.error }),
);
