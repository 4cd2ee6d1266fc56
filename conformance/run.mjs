#!/usr/bin/env node
// Entry point of the conformance suite: starts one SnackBase instance, runs every test/*.test.mjs file
// against it with node's built-in test runner, prints the summary and stops the instance.
//
//   node run.mjs [test files...]     (default: all of test/*.test.mjs)
//
// With SNACKBASE_CONFORMANCE_URL (+ SNACKBASE_CONFORMANCE_SUPERADMIN_EMAIL/_PASSWORD) set, no instance is
// started and the tests run against that server.
//
// Output: the spec reporter's report, then the TAP summary lines ("# tests N", "# pass N", "# fail N", ...)
// and one closing line "Conformance: N passed, N failed". Exit code 0 only when every test passed.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startInstance } from './lib/instance.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const testDir = join(here, 'test');

const files = process.argv.length > 2
  ? process.argv.slice(2).map((f) => resolve(f))
  : readdirSync(testDir).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join(testDir, f));

const log = (line) => console.log(line);

function closing(passed, failed) {
  console.log(`Conformance: ${passed} passed, ${failed} failed`);
  // scripts/test-summary adds these to the Maven counts for CI's one closing line
  mkdirSync(join(here, 'target'), { recursive: true });
  writeFileSync(join(here, 'target', 'summary.json'), JSON.stringify({ passed, failed }));
}

/** A server someone else runs (SNACKBASE_CONFORMANCE_URL + superadmin credentials): used as it is. */
function externalInstance() {
  const baseUrl = process.env.SNACKBASE_CONFORMANCE_URL;
  log(`conformance: using the running server at ${baseUrl}`);
  return {
    baseUrl,
    superadmin: {
      email: process.env.SNACKBASE_CONFORMANCE_SUPERADMIN_EMAIL,
      password: process.env.SNACKBASE_CONFORMANCE_SUPERADMIN_PASSWORD,
    },
    consoleLog: '(external server)',
    home: '(external server)',
    logTail: () => '(the server is not run by this suite)',
    stop: async () => {},
    killNow: () => {},
    removeHome: () => {},
  };
}

let instance;
try {
  instance = process.env.SNACKBASE_CONFORMANCE_URL ? externalInstance() : await startInstance({ log });
} catch (error) {
  console.log(`conformance: the instance did not start: ${error.message}`);
  closing(0, 1);
  process.exit(1);
}

process.on('exit', () => instance.killNow());
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await instance.stop();
    process.exit(130);
  });
}

const reportDir = mkdtempSync(join(tmpdir(), 'snackbase-conformance-report-'));
const tapFile = join(reportDir, 'report.tap');
const runnerArgs = [
  '--test',
  '--test-concurrency=1',
  '--test-timeout=120000',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
  ...files.map((f) => relative(here, f)),
];
const runnerEnv = {
  ...process.env,
  SNACKBASE_CONFORMANCE_URL: instance.baseUrl,
  SNACKBASE_CONFORMANCE_SUPERADMIN_EMAIL: instance.superadmin.email,
  SNACKBASE_CONFORMANCE_SUPERADMIN_PASSWORD: instance.superadmin.password,
};

const runnerCode = await new Promise((resolveCode) => {
  const runner = spawn(process.execPath, runnerArgs, { cwd: here, env: runnerEnv, stdio: ['ignore', 'inherit', 'inherit'] });
  runner.on('exit', (code, signal) => resolveCode(code ?? (signal ? 1 : 0)));
});

// The TAP report ends with the run's summary: "# tests N", "# suites N", "# pass N", "# fail N", ...
let tap = '';
try {
  tap = readFileSync(tapFile, 'utf8');
} catch {
  // the runner died before writing a report
}
const summary = {};
const summaryLines = [];
for (const line of tap.split('\n')) {
  const match = /^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) (\S+)$/.exec(line);
  if (match) {
    summary[match[1]] = Number(match[2]);
    summaryLines.push(line);
  }
}
rmSync(reportDir, { recursive: true, force: true });

const passed = summary.pass ?? 0;
// A cancelled test (timeout, a file that crashed, a failed hook) did not pass either.
const failed = (summary.fail ?? 0) + (summary.cancelled ?? 0);
const ok = runnerCode === 0 && failed === 0 && passed > 0;

// The tail is taken before stopping, so the shutdown messages do not push the interesting lines out.
const tail = ok ? '' : instance.logTail(80);
await instance.stop();
if (!ok) {
  console.log(`\n---- SnackBase instance log (last lines of ${instance.consoleLog}) ----`);
  console.log(tail);
  console.log('---- end of instance log ----\n');
  console.log(`conformance: instance home kept for inspection: ${instance.home}`);
} else {
  instance.removeHome();
}

console.log('');
for (const line of summaryLines) console.log(line);
closing(passed, summaryLines.length ? failed : Math.max(failed, 1));
process.exit(ok ? 0 : 1);
