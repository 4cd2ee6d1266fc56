// Starts and stops an assembled SnackBase instance for the conformance suite.
//
// The instance is the one the Maven build assembles at distribution/instance/target/snackbase. Each start
// gets a fresh SNACKBASE_HOME in the temp folder: bin, lib and bundle are symlinked from the built
// instance, conf and etc are copied (a few small text files), and plugins, data and logs start empty, so
// every run gets a fresh SQLite database (data/snackbase.db).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, cpSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The repository root: conformance/lib/.. /.. */
export const repoRoot = resolve(here, '..', '..');

/** The instance folder the Maven build produces; SNACKBASE_CONFORMANCE_INSTANCE overrides it. */
export const builtInstance = process.env.SNACKBASE_CONFORMANCE_INSTANCE
  ? resolve(process.env.SNACKBASE_CONFORMANCE_INSTANCE)
  : join(repoRoot, 'distribution', 'instance', 'target', 'snackbase');

/** Milliseconds to wait for /ready (and for the auth routes) before giving up. */
const STARTUP_TIMEOUT_MS = Number(process.env.SNACKBASE_CONFORMANCE_STARTUP_TIMEOUT_MS || 60_000);
/** Once /ready answers, how long to keep waiting for GET /api/v1/auth/me to answer 401. */
const AUTH_GRACE_MS = Number(process.env.SNACKBASE_CONFORMANCE_AUTH_GRACE_MS || 20_000);
const STOP_GRACE_MS = 10_000;

/** Superadmin credentials handed to the instance; the password satisfies the password policy. */
export const SUPERADMIN_EMAIL = 'admin@conformance.test';

function strongPassword() {
  return `Conf-${randomBytes(6).toString('hex')}-Aa1!`;
}

/** A TCP port that was free a moment ago (bind port 0, read it, close). */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Creates a fresh SNACKBASE_HOME that reuses the built instance's code and configuration. */
export function prepareHome(instanceDir = builtInstance) {
  for (const part of ['bin/snackbase', 'lib', 'bundle', 'conf', 'etc']) {
    if (!existsSync(join(instanceDir, part))) {
      throw new Error(`no ${part} in ${instanceDir}; build the instance first: mvn -B install -DskipTests`);
    }
  }
  const home = mkdtempSync(join(tmpdir(), 'snackbase-conformance-'));
  for (const part of ['bin', 'lib', 'bundle']) {
    symlinkSync(join(instanceDir, part), join(home, part));
  }
  for (const part of ['conf', 'etc']) {
    cpSync(join(instanceDir, part), join(home, part), { recursive: true });
  }
  for (const part of ['plugins', 'data', 'logs']) {
    mkdirSync(join(home, part));
  }
  return home;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function status(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/**
 * Starts the instance and waits until it serves requests.
 *
 * @returns {Promise<Instance>}
 */
export async function startInstance({ instanceDir = builtInstance, log = (line) => console.error(line) } = {}) {
  const home = prepareHome(instanceDir);
  const port = await freePort();
  const superadminPassword = strongPassword();
  const env = { ...process.env };
  // A fresh SQLite file in data/, never a database some other setting points at.
  for (const name of Object.keys(env)) {
    if (name.startsWith('SNACKBASE_')) delete env[name];
  }
  Object.assign(env, {
    SNACKBASE_HOME: home,
    SNACKBASE_PORT: String(port),
    SNACKBASE_ENVIRONMENT: 'development',
    SNACKBASE_SUPERADMIN_EMAIL: SUPERADMIN_EMAIL,
    SNACKBASE_SUPERADMIN_PASSWORD: superadminPassword,
    // a fresh key per run, so that collections may have encrypted fields (records-secrets.test.mjs)
    SNACKBASE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  });
  const consoleLog = join(home, 'logs', 'console.log');
  const out = createWriteStream(consoleLog);
  const child = spawn(join(instanceDir, 'bin', 'snackbase'), [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const instance = new Instance({ child, home, port, consoleLog, superadminPassword });
  log(`conformance: starting SnackBase (pid ${child.pid}) on port ${port}, home ${home}`);
  try {
    await instance.waitUntilServing(log);
  } catch (error) {
    await instance.stop();
    throw error;
  }
  return instance;
}

export class Instance {
  constructor({ child, home, port, consoleLog, superadminPassword }) {
    this.child = child;
    this.home = home;
    this.port = port;
    this.consoleLog = consoleLog;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.superadmin = { email: SUPERADMIN_EMAIL, password: superadminPassword };
    this.exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
    this.exitInfo = null;
    this.exited.then((info) => {
      this.exitInfo = info;
    });
  }

  async waitUntilServing(log) {
    const started = Date.now();
    const deadline = started + STARTUP_TIMEOUT_MS;
    let readyAt = null;
    let meStatus = 0;
    while (Date.now() < deadline) {
      if (this.exitInfo) {
        throw new Error(`SnackBase exited during start-up (${JSON.stringify(this.exitInfo)})`);
      }
      if (readyAt === null && (await status(`${this.baseUrl}/ready`)) === 200) {
        readyAt = Date.now();
        log(`conformance: /ready answered 200 after ${readyAt - started} ms`);
      }
      if (readyAt !== null) {
        meStatus = await status(`${this.baseUrl}/api/v1/auth/me`);
        if (meStatus === 401) {
          log(`conformance: auth routes registered (GET /api/v1/auth/me -> 401) after ${Date.now() - started} ms`);
          return;
        }
        if (Date.now() - readyAt > AUTH_GRACE_MS) break;
      }
      await sleep(250);
    }
    if (readyAt === null) {
      throw new Error(`SnackBase did not answer GET /ready with 200 within ${STARTUP_TIMEOUT_MS} ms`);
    }
    // Serving, but without the auth routes: run the tests anyway so each one reports what is missing.
    log(`conformance: WARNING: GET /api/v1/auth/me answers ${meStatus}, not 401; auth routes seem missing`);
  }

  /** The last lines of the instance's console output (stdout and stderr). */
  logTail(lines = 80) {
    try {
      return readFileSync(this.consoleLog, 'utf8').split('\n').slice(-lines - 1).join('\n');
    } catch (error) {
      return `(no instance log: ${error.message})`;
    }
  }

  /** SIGTERM, then SIGKILL after 10 s. Resolves when the process is gone. */
  async stop() {
    if (!this.exitInfo) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (!this.exitInfo) this.child.kill('SIGKILL');
      }, STOP_GRACE_MS);
      await this.exited;
      clearTimeout(timer);
    }
    return this.exitInfo;
  }

  /** Last-resort synchronous kill, for process 'exit' handlers. */
  killNow() {
    if (!this.exitInfo) {
      try {
        this.child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  removeHome() {
    rmSync(this.home, { recursive: true, force: true });
  }
}
