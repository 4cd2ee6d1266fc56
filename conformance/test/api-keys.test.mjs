// API keys through @snackbase/sdk 0.9.0 (spec: api-keys.md, conventions.md §2-3).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AuthenticationError, NotFoundError } from '@snackbase/sdk';
import {
  SYSTEM_ACCOUNT_ID, UUID, needFrom, newClient, rejectsWith, superadmin, superadminClient, unique,
} from '../lib/setup.mjs';

describe('API key lifecycle: create, use, list, revoke', () => {
  const state = {};
  const need = (key) => needFrom(state, key);

  test('the superadmin creates a key; the sb_ak. plaintext is returned once', async () => {
    const admin = await superadminClient();
    const name = `conformance key ${unique()}`;
    const created = await admin.apiKeys.create({ name });
    assert.match(created.id, UUID);
    assert.equal(created.name, name);
    assert.ok(created.key.startsWith('sb_ak.'), `key ${created.key} does not start with sb_ak.`);
    assert.equal(created.key.split('.').length, 3, 'sb_ak.<payload>.<signature>');
    assert.equal(created.expires_at, null, 'no expires_at given -> never expires');
    assert.ok(!Number.isNaN(Date.parse(created.created_at)));
    state.created = created;
  });

  test('a client configured with apiKey authenticates with X-API-Key', async () => {
    const { key } = need('created');
    const keyClient = newClient({ apiKey: key });
    const me = await keyClient.auth.getCurrentUser();
    assert.equal(me.email, superadmin.email, 'the key acts as its creator');
    assert.equal(me.account_id, SYSTEM_ACCOUNT_ID);
    // The key carries the superadmin's identity, so superadmin-only endpoints answer.
    const accounts = await keyClient.accounts.list();
    assert.ok(Array.isArray(accounts.items));
    assert.equal(typeof accounts.total, 'number');
    const users = await keyClient.users.list({ search: superadmin.email });
    assert.ok(users.items.some((u) => u.email === superadmin.email));
    state.keyClient = keyClient;
  });

  test('the key also works as a Bearer token (getAccessToken)', async () => {
    const { key } = need('created');
    const bearerClient = newClient({ getAccessToken: () => key });
    const me = await bearerClient.auth.getCurrentUser();
    assert.equal(me.email, superadmin.email);
  });

  test('list shows the key masked', async () => {
    const { id, key, name } = need('created');
    const admin = await superadminClient();
    const list = await admin.apiKeys.list();
    assert.equal(typeof list.total, 'number');
    const item = list.items.find((k) => k.id === id);
    assert.ok(item, 'the new key is listed');
    assert.equal(item.name, name);
    assert.equal(item.is_active, true);
    assert.equal(typeof item.key, 'string');
    assert.notEqual(item.key, key, 'listing must not reveal the plaintext key');
    assert.ok(!item.key.includes(key.split('.')[2]), 'listing must not contain the key signature');
    assert.ok('last_used_at' in item);
    assert.ok('expires_at' in item);
  });

  test('get returns the key, masked', async () => {
    const { id, key } = need('created');
    const admin = await superadminClient();
    const one = await admin.apiKeys.get(id);
    assert.equal(one.id, id);
    assert.notEqual(one.key, key);
    assert.equal(one.is_active, true);
  });

  test('revoke (DELETE) succeeds; the key then fails with AuthenticationError', async () => {
    const { id } = need('created');
    const keyClient = need('keyClient');
    const admin = await superadminClient();
    assert.equal(await admin.apiKeys.revoke(id), undefined);
    await rejectsWith(keyClient.accounts.list(), AuthenticationError, { status: 401 });
    await rejectsWith(keyClient.auth.getCurrentUser(), AuthenticationError, { status: 401 });
    state.revoked = true;
  });

  test('a revoked key is listed as inactive', async () => {
    need('revoked');
    const admin = await superadminClient();
    const list = await admin.apiKeys.list();
    const item = list.items.find((k) => k.id === state.created.id);
    assert.ok(item, 'revoked keys stay listed');
    assert.equal(item.is_active, false);
  });
});

describe('API key details', () => {
  test('create with expires_at echoes the expiry', async () => {
    const admin = await superadminClient();
    const expires = new Date(Date.now() + 24 * 3600 * 1000);
    const created = await admin.apiKeys.create({ name: `expiring ${unique()}`, expires_at: expires.toISOString() });
    assert.ok(created.expires_at, 'expires_at is returned');
    assert.ok(Math.abs(Date.parse(created.expires_at) - expires.getTime()) < 1000);
    await admin.apiKeys.revoke(created.id);
  });

  test('get of an unknown key -> NotFoundError', async () => {
    const admin = await superadminClient();
    await rejectsWith(admin.apiKeys.get('6f1c2a34-0000-4000-8000-000000000000'), NotFoundError, { status: 404 });
  });

  test('a well-formed key with a bad signature -> AuthenticationError', async () => {
    const admin = await superadminClient();
    const created = await admin.apiKeys.create({ name: `forged ${unique()}` });
    try {
      const [prefix, payload] = created.key.split('.');
      const forged = `${prefix}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
      await rejectsWith(newClient({ apiKey: forged }).accounts.list(), AuthenticationError, { status: 401 });
    } finally {
      await admin.apiKeys.revoke(created.id);
    }
  });

  test('garbage in X-API-Key -> AuthenticationError', async () => {
    await rejectsWith(newClient({ apiKey: 'sb_ak.garbage' }).accounts.list(), AuthenticationError, { status: 401 });
  });
});
