// Encrypted fields and records.getSecrets() through @snackbase/sdk 0.9.0 (spec: records.md §12, collections.md
// `encrypted`, api-keys.md). The SDK sends apiKeys.create(data) as given, so `scopes` and `account_id` reach the
// server; getSecrets(c, id, fields?) is GET /api/v1/records/{c}/{id}/secrets?fields=a,b.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ApiKeyRestrictedError, AuthorizationError, NotFoundError, SnackBaseError, ValidationError,
} from '@snackbase/sdk';
import {
  baseUrl, needFrom, newClient, rejectsWith, registerVerifiedUser, superadminClient, unique,
} from '../lib/setup.mjs';

const MASK = '••••••••';
const SCOPE = 'records:secrets:read';

describe('records.getSecrets with account-bound service keys', () => {
  const state = {};
  const need = (key) => needFrom(state, key);

  test('the superadmin defines a collection with encrypted fields', async () => {
    const admin = await superadminClient();
    const name = `vault_${unique()}`;
    const owner = '@request.auth.id != ""';
    await admin.collections.create({
      name,
      fields: [
        { name: 'token', type: 'text', encrypted: true },
        { name: 'doc', type: 'json', encrypted: true },
        { name: 'label', type: 'text' },
      ],
      list_rule: owner, view_rule: owner, create_rule: owner, update_rule: owner, delete_rule: owner,
    });
    state.collection = name;
  });

  test('two tenants store secrets; normal answers show the mask', async () => {
    const name = need('collection');
    const a = await registerVerifiedUser({ label: 'sec-a' });
    const b = await registerVerifiedUser({ label: 'sec-b' });
    const recA = await a.client.records.create(name, { token: 'acme-s3cret', doc: { pin: 1234 }, label: 'a' });
    const recB = await b.client.records.create(name, { token: 'beta-s3cret', label: 'b' });
    assert.equal(recA.token, MASK);
    assert.equal(recA.doc, MASK);
    assert.equal((await a.client.records.get(name, recA.id)).token, MASK);
    Object.assign(state, { a, b, recA, recB });
  });

  test('the superadmin issues scoped keys bound to each account; list and get show scopes and account_id', async () => {
    need('recA');
    const { a, b } = state;
    const admin = await superadminClient();
    const keyA = await admin.apiKeys.create({ name: `vault A ${unique()}`, scopes: [SCOPE], account_id: a.account.id });
    const keyB = await admin.apiKeys.create({ name: `vault B ${unique()}`, scopes: [SCOPE], account_id: b.account.id });
    const plainA = await admin.apiKeys.create({ name: `plain A ${unique()}`, account_id: a.account.id });
    assert.deepEqual(keyA.scopes, [SCOPE]);
    assert.equal(keyA.account_id, a.account.id);
    assert.deepEqual(plainA.scopes, []);
    const listed = (await admin.apiKeys.list()).items.find((k) => k.id === keyA.id);
    assert.deepEqual(listed.scopes, [SCOPE]);
    assert.equal(listed.account_id, a.account.id);
    assert.equal((await admin.apiKeys.get(keyB.id)).account_id, b.account.id);
    Object.assign(state, { keyA, keyB, plainA });
  });

  test('unknown scopes, the secrets scope without an account, and unknown accounts are ValidationErrors', async () => {
    const admin = await superadminClient();
    need('a');
    const { a } = state;
    await rejectsWith(admin.apiKeys.create({ name: `bad ${unique()}`, scopes: ['records:all'], account_id: a.account.id }),
      ValidationError, { status: 422 });
    await rejectsWith(admin.apiKeys.create({ name: `bad ${unique()}`, scopes: [SCOPE] }), ValidationError, { status: 422 });
    await rejectsWith(admin.apiKeys.create({ name: `bad ${unique()}`, account_id: 'no-such-account' }), ValidationError,
      { status: 422 });
  });

  test('a bound key with the scope reads the plaintext of its account\'s record', async () => {
    const name = need('collection');
    need('keyA');
    const { keyA, recA } = state;
    const client = newClient({ apiKey: keyA.key });
    assert.deepEqual(await client.records.getSecrets(name, recA.id), { data: { token: 'acme-s3cret', doc: { pin: 1234 } } });
    assert.deepEqual(await client.records.getSecrets(name, recA.id, ['token']), { data: { token: 'acme-s3cret' } });
    assert.deepEqual(await client.records.getSecrets(name, recA.id, 'doc'), { data: { doc: { pin: 1234 } } });
    // everywhere else the key sees what any caller of its account sees: the mask
    assert.equal((await client.records.get(name, recA.id)).token, MASK);
    const list = await client.records.list(name);
    assert.deepEqual(list.items.map((r) => r.id), [recA.id], 'the key lists only its account\'s records');
  });

  test('the answer must not be cached', async () => {
    const name = need('collection');
    need('keyA');
    const { keyA, recA } = state;
    const response = await fetch(`${baseUrl}/api/v1/records/${name}/${recA.id}/secrets`, { headers: { 'X-API-Key': keyA.key } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  test('user JWTs, the superadmin and keys without the scope get AuthorizationError', async () => {
    const name = need('collection');
    need('plainA');
    const { a, recA, plainA } = state;
    const admin = await superadminClient();
    for (const client of [a.client, admin, newClient({ apiKey: plainA.key })]) {
      const error = await rejectsWith(client.records.getSecrets(name, recA.id), AuthorizationError, { status: 403 });
      assert.ok(!(error instanceof ApiKeyRestrictedError));
      assert.ok(!JSON.stringify(error.details).includes('acme-s3cret'));
    }
  });

  test('another account\'s key gets NotFoundError, whatever X-Account-ID says', async () => {
    const name = need('collection');
    need('keyB');
    const { a, keyB, recA, recB } = state;
    await rejectsWith(newClient({ apiKey: keyB.key }).records.getSecrets(name, recA.id), NotFoundError, { status: 404 });
    // with an API key and no user token the SDK also sends X-Account-ID: it must not move the key to another tenant
    const pointed = newClient({ apiKey: keyB.key, accountId: a.account.id });
    await rejectsWith(pointed.records.getSecrets(name, recA.id), NotFoundError, { status: 404 });
    assert.deepEqual(await pointed.records.getSecrets(name, recB.id), { data: { token: 'beta-s3cret', doc: null } });
  });

  test('fields naming a non-encrypted, unknown or too many fields is a 400', async () => {
    const name = need('collection');
    need('keyA');
    const { keyA, recA } = state;
    const client = newClient({ apiKey: keyA.key });
    await rejectsWith(client.records.getSecrets(name, recA.id, ['label']), SnackBaseError, { status: 400 });
    await rejectsWith(client.records.getSecrets(name, recA.id, ['nope']), SnackBaseError, { status: 400 });
    const many = Array.from({ length: 21 }, (_, i) => `f${i}`);
    await rejectsWith(client.records.getSecrets(name, recA.id, many), SnackBaseError, { status: 400 });
    await rejectsWith(client.records.getSecrets(`missing_${unique()}`, recA.id), NotFoundError, { status: 404 });
  });
});
