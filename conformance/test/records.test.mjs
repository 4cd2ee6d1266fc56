// Collections and records through @snackbase/sdk 0.9.0 (spec: collections.md, records.md, collection-rules.md):
// the superadmin defines a collection; two tenants create, list (filter, sort, paging), get, update, patch and
// delete their own records, and never see each other's.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AuthorizationError, NotFoundError, SnackBaseError, ValidationError } from '@snackbase/sdk';
import { UUID, needFrom, rejectsWith, registerVerifiedUser, superadminClient, unique } from '../lib/setup.mjs';

describe('collections and records', () => {
  const state = {};
  const need = (key) => needFrom(state, key);

  test('the superadmin creates a collection with fields and owner rules', async () => {
    const admin = await superadminClient();
    const name = `orders_${unique()}`;
    const owner = '@request.auth.id != ""';
    const collection = await admin.collections.create({
      name,
      fields: [
        { name: 'customer', type: 'text', required: true },
        { name: 'status', type: 'text' },
        { name: 'total', type: 'number' },
        { name: 'quantity', type: 'number', default: 1 },
      ],
      list_rule: owner, view_rule: owner, create_rule: owner, update_rule: owner, delete_rule: owner,
    });
    assert.match(collection.id, UUID);
    assert.equal(collection.name, name);
    const names = await admin.collections.listNames();
    assert.ok(names.includes(name), `${name} listed in ${names}`);
    const fetched = await admin.collections.get(collection.id);
    assert.deepEqual(fetched.fields.map((f) => f.name), ['customer', 'status', 'total', 'quantity']);
    state.collection = name;
    state.collectionId = collection.id;
  });

  test('a tenant user may not define collections', async () => {
    const tenant = await registerVerifiedUser({ label: 'rec-a' });
    state.tenantA = tenant;
    await rejectsWith(tenant.client.collections.list(), SnackBaseError, { status: 403 });
  });

  test('a tenant creates records; defaults and system fields are set by the server', async () => {
    const name = need('collection');
    const { client, userId, account } = need('tenantA');
    const created = [];
    for (const [i, status] of ['paid', 'paid', 'open', 'paid', 'void'].entries()) {
      created.push(await client.records.create(name, { customer: `c${i}`, status, total: 50 * (i + 1) }));
    }
    const first = created[0];
    assert.match(first.id, UUID);
    assert.equal(first.account_id, account.id);
    assert.equal(first.created_by, userId);
    assert.equal(first.quantity, 1, 'default applied');
    assert.ok(!Number.isNaN(Date.parse(first.created_at)));
    state.created = created;
  });

  test('bad payloads surface as typed errors and write nothing', async () => {
    const name = need('collection');
    const { client } = need('tenantA');
    await rejectsWith(client.records.create(name, { status: 'paid' }), SnackBaseError, { status: 400 }); // customer missing
    await rejectsWith(client.records.create(name, { customer: 'x', total: 'lots' }), SnackBaseError, { status: 400 });
    await rejectsWith(client.records.create(name, { customer: 'x', nope: 1 }), SnackBaseError, { status: 400 });
    await rejectsWith(client.records.create(name, { customer: 'x', account_id: 'someone-else' }), ValidationError, { status: 422 });
    const all = await client.records.list(name, { limit: 100 });
    assert.equal(all.total, 5);
  });

  test('list with filter, sort and paging', async () => {
    const name = need('collection');
    const { client } = need('tenantA');
    const paid = await client.records.list(name, { filter: 'status = "paid" && total > 60', sort: '-total', limit: 20 });
    assert.deepEqual(paid.items.map((r) => r.total), [200, 100]);
    assert.equal(paid.total, 2);
    const page = await client.records.list(name, { sort: '+total', skip: 1, limit: 2 });
    assert.deepEqual(page.items.map((r) => r.total), [100, 150]);
    assert.equal(page.skip, 1);
    assert.equal(page.limit, 2);
    assert.equal(page.total, 5);
    const built = await client.records.query(name).filter('status', '=', 'paid').sort('total', 'desc').limit(2).get();
    assert.deepEqual(built.items.map((r) => r.total), [200, 100]);
    await rejectsWith(client.records.list(name, { filter: 'status = "paid" OR total > 1' }), SnackBaseError, { status: 400 });
  });

  test('get, update (PUT), patch and delete', async () => {
    const name = need('collection');
    const { client } = need('tenantA');
    const record = need('created')[2];
    const got = await client.records.get(name, record.id);
    assert.equal(got.customer, 'c2');
    const put = await client.records.update(name, record.id, { customer: 'c2b', status: 'paid', total: 999 });
    assert.equal(put.total, 999);
    const patched = await client.records.patch(name, record.id, { status: 'shipped' });
    assert.equal(patched.status, 'shipped');
    assert.equal(patched.customer, 'c2b');
    await client.records.delete(name, record.id);
    await rejectsWith(client.records.get(name, record.id), NotFoundError);
  });

  test("another account's records are invisible, unwritable and uncounted", async () => {
    const name = need('collection');
    const other = await registerVerifiedUser({ label: 'rec-b' });
    const mine = need('created')[0];
    const empty = await other.client.records.list(name, { filter: `id = "${mine.id}"` });
    assert.equal(empty.total, 0);
    await rejectsWith(other.client.records.get(name, mine.id), NotFoundError);
    await rejectsWith(other.client.records.patch(name, mine.id, { status: 'stolen' }), NotFoundError);
    await rejectsWith(other.client.records.delete(name, mine.id), NotFoundError);
    const own = await other.client.records.create(name, { customer: 'b0' });
    assert.equal(own.account_id, other.account.id);
    const aView = await need('tenantA').client.records.list(name, { limit: 100 });
    assert.ok(!aView.items.some((r) => r.id === own.id));
    assert.equal((await need('tenantA').client.records.get(name, mine.id)).status, 'paid', 'untouched');
  });

  test('a locked rule is 403 for tenants', async () => {
    const admin = await superadminClient();
    const name = `locked_${unique()}`;
    await admin.collections.create({ name, fields: [{ name: 'title', type: 'text' }] });
    await rejectsWith(need('tenantA').client.records.list(name), AuthorizationError, { status: 403 });
  });

  test('the superadmin deletes the collection', async () => {
    const admin = await superadminClient();
    await admin.collections.delete(need('collectionId'));
    await rejectsWith(admin.collections.get(need('collectionId')), NotFoundError);
  });
});
