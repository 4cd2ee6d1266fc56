// Collection rules through @snackbase/sdk 0.9.0 (spec: collection-rules.md, domain.md §3.6, discrepancies #30).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { AuthenticationError, AuthorizationError, NotFoundError, SnackBaseError, ValidationError } from '@snackbase/sdk';
import {
  UUID, baseUrl, newClient, registerVerifiedUser, rejectsWith, superadminClient, unique,
} from '../lib/setup.mjs';

describe('collection rules: GET/PUT /collections/{name}/rules, POST /rules/validate|test', () => {
  let admin;
  let tenant;
  let name;
  before(async () => {
    admin = await superadminClient();
    tenant = await registerVerifiedUser({ label: 'rules' });
    name = `rules_${unique()}`;
    await admin.collections.create({
      name,
      fields: [{ name: 'title', type: 'text' }, { name: 'status', type: 'text' }],
      create_rule: '',
    });
  });

  const anonymousList = async () => {
    const response = await fetch(`${baseUrl}/api/v1/records/${name}`, { headers: { 'X-Account-ID': tenant.account.id } });
    return { status: response.status, body: await response.json() };
  };

  test('GET returns the defaults of a new collection: all five rules locked except the one given, field lists "*"', async () => {
    const rules = await admin.collectionRules.get(name);
    assert.match(rules.id, UUID);
    assert.match(rules.collection_id, UUID);
    assert.equal(rules.list_rule, null);
    assert.equal(rules.create_rule, '');
    assert.equal(rules.list_fields, '*');
    assert.ok(!Number.isNaN(Date.parse(rules.updated_at)));
  });

  test('PUT is partial and takes effect at once on /records', async () => {
    await tenant.client.records.create(name, { title: 'draft', status: 'draft' });
    await tenant.client.records.create(name, { title: 'pub', status: 'published' });
    await rejectsWith(tenant.client.records.list(name), AuthorizationError,
      { status: 403, message: 'Access denied: list is locked for this collection' });

    const opened = await admin.collectionRules.update(name, { list_rule: '' });
    assert.equal(opened.list_rule, '');
    assert.equal(opened.create_rule, '', 'absent keys stay');
    const anonymous = await anonymousList();
    assert.equal(anonymous.status, 200);
    assert.equal(anonymous.body.total, 2);

    await admin.collectionRules.update(name, { list_rule: 'status = "published"' });
    const filtered = await tenant.client.records.list(name);
    assert.deepEqual(filtered.items.map((r) => r.title), ['pub']);
    assert.equal((await anonymousList()).status, 401);

    const locked = await admin.collectionRules.update(name, { list_rule: null });
    assert.equal(locked.list_rule, null);
    await rejectsWith(tenant.client.records.list(name), AuthorizationError, { status: 403 });
  });

  test('PUT rejects invalid rules with 400 "Invalid <key>: ..." and bad keys or field lists with 422', async () => {
    const invalid = await rejectsWith(admin.collectionRules.update(name, { list_rule: '@request.data.title = "x"' }), SnackBaseError,
      { status: 400 });
    assert.match(invalid.message, /^Invalid list_rule: /);
    assert.match((await rejectsWith(admin.collectionRules.update(name, { view_rule: 'ghost = 1' }), SnackBaseError,
      { status: 400 })).message, /^Invalid view_rule: .*ghost/);
    await rejectsWith(admin.collectionRules.update(name, { label: 'x' }), ValidationError, { status: 422 });
    await rejectsWith(admin.collectionRules.update(name, { list_fields: 'title' }), ValidationError, { status: 422 });
    await rejectsWith(admin.collectionRules.update(`no_${unique()}`, { list_rule: '' }), NotFoundError, { status: 404 });
    await rejectsWith(admin.collectionRules.get(`no_${unique()}`), NotFoundError, { status: 404 });
  });

  test('validateRule answers 200 {valid, errors}; testRule answers {result}, 400 on a syntax error', async () => {
    assert.deepEqual(await admin.collectionRules.validateRule('@request.auth.id != ""', 'list', ['title']), { valid: true, errors: [] });
    const bad = await admin.collectionRules.validateRule('@request.data.title = "x"', 'list', ['title']);
    assert.equal(bad.valid, false);
    assert.equal(bad.errors.length, 1);
    assert.deepEqual(await admin.collectionRules.testRule('created_by = @request.auth.id',
      { auth: { id: 'u1' }, record: { created_by: 'u1' } }), { result: true });
    assert.deepEqual(await admin.collectionRules.testRule('@request.data.level = "info"', { data: { level: 'error' } }),
      { result: false });
    await rejectsWith(admin.collectionRules.testRule('status == "x"', {}), SnackBaseError, { status: 400 });
  });

  test('a tenant admin gets 403 and an anonymous caller 401 on every rules route', async () => {
    const anonymous = newClient();
    for (const [client, errorClass, status] of [[tenant.client, AuthorizationError, 403], [anonymous, AuthenticationError, 401]]) {
      await rejectsWith(client.collectionRules.get(name), errorClass, { status });
      await rejectsWith(client.collectionRules.update(name, { list_rule: '' }), errorClass, { status });
      await rejectsWith(client.collectionRules.validateRule('a = 1', 'list', ['a']), errorClass, { status });
      await rejectsWith(client.collectionRules.testRule('a = 1', {}), errorClass, { status });
    }
  });
});
