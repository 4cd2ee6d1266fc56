#!/usr/bin/env node
// Checks the suite itself: runs run.mjs against the in-memory mock server (selftest/mock-server.mjs)
// instead of a SnackBase instance. Every test should pass here; a failure is a bug in the test or in the
// mock, to be settled against the spec.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMock } from './mock-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const superadmin = { email: 'admin@conformance.test', password: 'Mock-Superadmin-2024!' };
const { server, port } = await startMock({ superadminEmail: superadmin.email, superadminPassword: superadmin.password });
const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, [join(here, '..', 'run.mjs'), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      SNACKBASE_CONFORMANCE_URL: `http://127.0.0.1:${port}`,
      SNACKBASE_CONFORMANCE_SUPERADMIN_EMAIL: superadmin.email,
      SNACKBASE_CONFORMANCE_SUPERADMIN_PASSWORD: superadmin.password,
    },
  });
  child.on('exit', (c) => resolve(c ?? 1));
});
server.close();
process.exit(code);
