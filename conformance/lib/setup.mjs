// Shared setup for the test files: where the instance is, SDK clients, unique names and a few flows that
// several files need (register + verify + login).
//
// run.mjs starts one instance and passes its URL and superadmin credentials in the environment. A test
// file run on its own (node --test test/auth.test.mjs) starts a private instance instead and stops it
// after the file.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import { SnackBaseClient, SnackBaseError } from '@snackbase/sdk';
import { startInstance } from './instance.mjs';

export const SYSTEM_ACCOUNT_ID = '00000000-0000-0000-0000-000000000000';
export const SYSTEM_ACCOUNT_CODE = 'SY0000';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const ACCOUNT_CODE = /^[A-Z]{2}\d{4}$/;

async function locateInstance() {
  if (process.env.SNACKBASE_CONFORMANCE_URL) {
    return {
      baseUrl: process.env.SNACKBASE_CONFORMANCE_URL,
      superadmin: {
        email: process.env.SNACKBASE_CONFORMANCE_SUPERADMIN_EMAIL,
        password: process.env.SNACKBASE_CONFORMANCE_SUPERADMIN_PASSWORD,
      },
    };
  }
  const own = await startInstance({ log: (line) => console.error(line) });
  process.on('exit', () => own.killNow());
  after(async () => {
    await own.stop();
    own.removeHome();
  });
  return own;
}

const located = await locateInstance();

/** Base URL of the instance under test, e.g. http://127.0.0.1:40123 */
export const baseUrl = located.baseUrl;
/** The bootstrapped superadmin (SNACKBASE_SUPERADMIN_EMAIL / _PASSWORD). */
export const superadmin = located.superadmin;

/** A new SDK client against the instance; no retries so failures are immediate. */
export function newClient(options = {}) {
  return new SnackBaseClient({ baseUrl, maxRetries: 0, timeout: 15_000, ...options });
}

// Unique names per process: each test file runs in its own process.
const runId = randomBytes(4).toString('hex');
let counter = 0;

/** A short lowercase token unique to this run, [a-z0-9] only. */
export function unique() {
  counter += 1;
  return `${runId}${counter.toString(36)}`;
}

export function uniqueEmail(label = 'user') {
  return `${label}-${unique()}@conformance.test`;
}

/** A password that passes the policy: >= 12 chars, upper, lower, digit, special. */
export function strongPassword() {
  return `Pw-${randomBytes(6).toString('hex')}-Zz9!`;
}

/** Asserts that the promise rejects with an instance of errorClass (and optional status/message). */
export async function rejectsWith(promise, errorClass, { status, message } = {}) {
  let caught;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(caught, `expected ${errorClass.name}, but the call succeeded`);
  assert.ok(
    caught instanceof errorClass,
    `expected ${errorClass.name}, got ${caught?.constructor?.name} (status ${caught?.status}): ${caught?.message}`
      + ` ${JSON.stringify(caught?.details)}`,
  );
  if (status !== undefined) assert.equal(caught.status, status);
  if (message !== undefined) {
    if (message instanceof RegExp) assert.match(caught.message, message);
    else assert.equal(caught.message, message);
  }
  return caught;
}

/** Describes an unexpected SDK error with its status and body, for assertion messages. */
export function describeError(error) {
  if (error instanceof SnackBaseError) {
    return `${error.constructor.name} ${error.status}: ${error.message} ${JSON.stringify(error.details)}`;
  }
  return String(error);
}

let superadminClientPromise;

/** A client logged in as the superadmin (account code SY0000), shared within a test file. */
export function superadminClient() {
  superadminClientPromise ??= (async () => {
    const client = newClient();
    await client.auth.login({ account: SYSTEM_ACCOUNT_CODE, email: superadmin.email, password: superadmin.password });
    return client;
  })();
  // A failed login is not cached, so the next test retries and reports its own failure.
  superadminClientPromise.catch(() => {
    superadminClientPromise = undefined;
  });
  return superadminClientPromise;
}

/**
 * Registers a new account and its first user through the SDK (POST /api/v1/auth/register).
 *
 * @returns {{email, password, accountName, expectedSlug, response}}
 */
export async function registerAccount({ label = 'user' } = {}) {
  const id = unique();
  const email = uniqueEmail(label);
  const password = strongPassword();
  // Slug rules (auth.md): lowercase, runs outside [a-z0-9] -> '-'; "Account 123_x" -> "account-123-x".
  const accountName = `Account ${id}_x`;
  const expectedSlug = `account-${id}-x`;
  const response = await newClient().auth.register({ email, password, account_name: accountName });
  return { email, password, accountName, expectedSlug, response };
}

/**
 * Registers an account, verifies its user through the superadmin API and returns a logged-in client.
 *
 * @returns {{client, email, password, userId, account, login}}
 */
export async function registerVerifiedUser({ label = 'user' } = {}) {
  const registered = await registerAccount({ label });
  const userId = registered.response.user.id;
  const admin = await superadminClient();
  await admin.users.verifyEmail(userId);
  const client = newClient();
  const login = await client.auth.login({
    account: registered.response.account.slug,
    email: registered.email,
    password: registered.password,
  });
  return { ...registered, client, userId, account: registered.response.account, login };
}

/**
 * For step-by-step suites: returns state[key], or fails the current test with a one-line message (no stack
 * trace) when an earlier step did not produce it.
 */
export function needFrom(state, key) {
  if (state[key] === undefined) {
    const error = new Error(`skipped in effect: an earlier step did not produce ${key}`);
    error.stack = error.message;
    throw error;
  }
  return state[key];
}
