// Auth flows through @snackbase/sdk 0.9.0 (spec: auth.md, users.md, conventions.md §3).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AuthenticationError, EmailVerificationRequiredError } from '@snackbase/sdk';
import {
  ACCOUNT_CODE, SYSTEM_ACCOUNT_CODE, SYSTEM_ACCOUNT_ID, UUID,
  needFrom, newClient, registerAccount, rejectsWith, superadmin, superadminClient, unique,
} from '../lib/setup.mjs';

describe('register, verify, login, me, refresh', () => {
  /** Filled by the steps in order; a step that needs an earlier one says so. */
  const state = {};
  const need = (key) => needFrom(state, key);

  test('register creates the account and its user (201, no tokens, slug from the name)', async () => {
    const registered = await registerAccount({ label: 'auth' });
    const { response } = registered;
    assert.equal(typeof response.message, 'string');
    assert.equal(response.token, undefined, 'register must not return tokens (the email is not verified yet)');
    assert.equal(response.refresh_token, undefined);
    assert.match(response.user.id, UUID);
    assert.equal(response.user.email, registered.email);
    assert.equal(response.user.role, 'admin', 'the first user of a new account is its admin');
    assert.equal(response.user.is_active, true);
    assert.match(response.account.id, UUID);
    assert.equal(response.account.name, registered.accountName);
    assert.equal(response.account.slug, registered.expectedSlug);
    assert.match(response.account.account_code, ACCOUNT_CODE);
    state.registered = registered;
  });

  test('login before the email is verified -> EmailVerificationRequiredError', async () => {
    const { email, password, response } = need('registered');
    const client = newClient();
    const error = await rejectsWith(
      client.auth.login({ account: response.account.slug, email, password }),
      EmailVerificationRequiredError,
      { status: 401 },
    );
    assert.equal(error.code, 'EMAIL_VERIFICATION_REQUIRED');
    assert.equal(client.isAuthenticated, false);
  });

  test('the superadmin logs in (account SY0000) and verifies the user (POST /users/{id}/verify)', async () => {
    const { response } = need('registered');
    const admin = await superadminClient();
    assert.equal(admin.isAuthenticated, true);
    assert.equal(admin.user.account_id, SYSTEM_ACCOUNT_ID, 'login user.account_id drives client.isSuperadmin');
    assert.equal(admin.isSuperadmin, true);
    const verified = await admin.users.verifyEmail(response.user.id);
    assert.match(verified.message, /verified/i);
    const user = await admin.users.get(response.user.id);
    assert.equal(user.email_verified, true);
    state.verified = true;
  });

  test('login after verification returns tokens, user and account', async () => {
    need('verified');
    const { email, password, response } = state.registered;
    const client = newClient();
    const login = await client.auth.login({ account: response.account.slug, email, password });
    assert.match(login.token, /^ey/, 'access token is a JWT');
    assert.match(login.refresh_token, /^ey/, 'refresh token is a JWT');
    assert.equal(typeof login.expires_in, 'number');
    assert.ok(login.expires_in > 0);
    assert.equal(login.user.id, response.user.id);
    assert.equal(login.user.email, email);
    assert.equal(login.user.account_id, response.account.id);
    assert.equal(login.account.id, response.account.id);
    assert.equal(login.account.slug, response.account.slug);
    assert.equal(login.account.account_code, response.account.account_code);
    assert.equal(client.isAuthenticated, true);
    assert.equal(client.isSuperadmin, false);
    assert.equal(client.user.id, response.user.id);
    assert.equal(client.account.slug, response.account.slug);
    state.client = client;
    state.login = login;
  });

  test('login accepts the account code as well as the slug', async () => {
    need('verified');
    const { email, password, response } = state.registered;
    const login = await newClient().auth.login({ account: response.account.account_code, email, password });
    assert.equal(login.user.id, response.user.id);
  });

  test('getCurrentUser (GET /auth/me) returns the logged-in user', async () => {
    const client = need('client');
    const { email, response } = state.registered;
    const me = await client.auth.getCurrentUser();
    assert.equal(me.user_id, response.user.id);
    assert.equal(me.account_id, response.account.id);
    assert.equal(me.email, email);
    assert.equal(me.role, 'admin');
    assert.equal(me.user.id, response.user.id);
    assert.equal(me.user.account_id, response.account.id);
    // /auth/me SHOULD carry `account`; without it the SDK replaces its account with {slug: ""}.
    assert.equal(me.account?.slug, response.account.slug);
    assert.equal(client.account.slug, response.account.slug);
    assert.equal(client.isAuthenticated, true);
  });

  test('refreshToken rotates both tokens; the new access token works', async () => {
    const client = need('client');
    const oldRefresh = client.internalAuthManager.refreshToken;
    assert.equal(oldRefresh, state.login.refresh_token);
    const refreshed = await client.auth.refreshToken();
    assert.match(refreshed.token, /^ey/);
    assert.match(refreshed.refresh_token, /^ey/);
    assert.notEqual(refreshed.refresh_token, oldRefresh);
    assert.equal(client.internalAuthManager.token, refreshed.token);
    assert.equal(client.internalAuthManager.refreshToken, refreshed.refresh_token);
    const me = await client.auth.getCurrentUser();
    assert.equal(me.user_id, state.registered.response.user.id);
    state.oldRefresh = oldRefresh;
    state.newRefresh = refreshed.refresh_token;
  });

  test('replaying the old (rotated) refresh token -> AuthenticationError', async () => {
    const oldRefresh = need('oldRefresh');
    const replay = newClient();
    await replay.internalAuthManager.setState({ refreshToken: oldRefresh });
    await rejectsWith(replay.auth.refreshToken(), AuthenticationError, {
      status: 401,
      message: 'Invalid or expired refresh token',
    });
    state.replayed = true;
  });

  test('after a replay the whole token family is revoked: the newest refresh token fails too', async () => {
    need('replayed');
    const client = newClient();
    await client.internalAuthManager.setState({ refreshToken: need('newRefresh') });
    await rejectsWith(client.auth.refreshToken(), AuthenticationError, { status: 401 });
  });

  test('logout clears the SDK session and revokes the refresh token', async () => {
    need('verified');
    const { email, password, response } = state.registered;
    const client = newClient();
    const login = await client.auth.login({ account: response.account.slug, email, password });
    const result = await client.auth.logout();
    assert.deepEqual(result, { success: true });
    assert.equal(client.isAuthenticated, false);
    assert.equal(client.user, null);
    assert.equal(client.internalAuthManager.token, null);
    assert.equal(client.internalAuthManager.refreshToken, null);
    // The SDK swallows logout errors, so check the server side: the refresh token must be dead.
    const other = newClient();
    await other.internalAuthManager.setState({ refreshToken: login.refresh_token });
    await rejectsWith(other.auth.refreshToken(), AuthenticationError, { status: 401 });
  });

  test('logout answers 200 on the wire (POST /auth/logout exists; the SDK would hide a 404)', async () => {
    need('verified');
    const { email, password, response } = state.registered;
    const client = newClient();
    const login = await client.auth.login({ account: response.account.slug, email, password });
    // The same request AuthService.logout() sends: POST /api/v1/auth/logout, body {}, Bearer token.
    const reply = await fetch(new URL('/api/v1/auth/logout', client.getConfig().baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${login.token}` },
      body: '{}',
    });
    assert.ok(reply.status === 200 || reply.status === 204, `logout answered ${reply.status}`);
  });
});

describe('superadmin login', () => {
  test('by account code SY0000', async () => {
    const client = newClient();
    const login = await client.auth.login({ account: SYSTEM_ACCOUNT_CODE, email: superadmin.email, password: superadmin.password });
    assert.equal(login.user.account_id, SYSTEM_ACCOUNT_ID);
    assert.equal(login.account.id, SYSTEM_ACCOUNT_ID);
    assert.equal(login.account.account_code, SYSTEM_ACCOUNT_CODE);
    assert.equal(client.isSuperadmin, true);
  });

  test('by account slug "system"', async () => {
    const client = newClient();
    const login = await client.auth.login({ account: 'system', email: superadmin.email, password: superadmin.password });
    assert.equal(login.account.slug, 'system');
    assert.equal(client.isSuperadmin, true);
  });
});

describe('account slug generation on register (auth.md slug rules)', () => {
  const cases = [
    // [account_name, expected slug]; `${id}` keeps each run unique.
    (id) => [`Account ${id}_x`, `account-${id}-x`],
    (id) => [`  Ünïcode Shop ${id}!! `, `unicode-shop-${id}`],
    (id) => [`123 Go--${id}`, `go-${id}`],
  ];
  for (const make of cases) {
    const [name, slug] = make('{id}');
    test(`"${name}" -> "${slug}"`, async () => {
      const id = unique();
      const [accountName, expected] = make(id);
      const response = await newClient().auth.register({
        email: `slug-${id}@conformance.test`,
        password: 'Slug-Rules-2024!',
        account_name: accountName,
      });
      assert.equal(response.account.slug, expected);
    });
  }
});
