// Batch writes, aggregates and cursor paging through @snackbase/sdk 0.9.0 (spec: records.md §4, §10, §11):
// all-or-nothing batches with their error bodies, aggregates with group_by/having/filter (computed fields
// too), keyset cursors over a multi-field sort; another account's ids, rows and tokens never leak.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NotFoundError, SnackBaseError } from '@snackbase/sdk';
import { needFrom, registerVerifiedUser, rejectsWith, superadminClient, unique } from '../lib/setup.mjs';

describe('records batch, aggregate and cursor paging', () => {
  const state = {};
  const need = (key) => needFrom(state, key);

  test('setup: a collection with a computed field and two tenants', async () => {
    const admin = await superadminClient();
    const name = `sales_${unique()}`;
    const owner = '@request.auth.id != ""';
    await admin.collections.create({
      name,
      fields: [
        { name: 'region', type: 'text', required: true },
        { name: 'price', type: 'number' },
        { name: 'qty', type: 'number' },
        { name: 'gross', type: 'computed', expression: 'price * qty', return_type: 'number' },
      ],
      list_rule: owner, view_rule: owner, create_rule: owner, update_rule: owner, delete_rule: owner,
    });
    state.name = name;
    state.a = await registerVerifiedUser({ label: 'batch-a' });
    state.b = await registerVerifiedUser({ label: 'batch-b' });
  });

  test('batchCreate writes every record in one call', async () => {
    const name = need('name');
    const rows = [
      { region: 'north', price: 10, qty: 1 }, { region: 'north', price: 20, qty: 2 }, { region: 'south', price: 5, qty: 4 },
      { region: 'east', price: 7.5, qty: 2 }, { region: 'east', price: 2.5, qty: 10 }, { region: 'south', price: 1, qty: 1 },
    ];
    const out = await need('a').client.records.batchCreate(name, rows);
    assert.equal(out.count, 6);
    assert.deepEqual(out.created.map((r) => r.region), rows.map((r) => r.region));
    assert.ok(out.created.every((r) => r.account_id === need('a').account.id));
    assert.equal(out.created[1].gross, 40, 'computed values in the response');
    state.created = out.created;
    const theirs = await need('b').client.records.batchCreate(name, [{ region: 'north', price: 1000, qty: 1 }, { region: 'west', price: 1, qty: 1 }]);
    state.theirs = theirs.created;
  });

  test('a failing item rolls the whole batch back, with its index', async () => {
    const name = need('name');
    const { client } = need('a');
    const error = await rejectsWith(client.records.batchCreate(name, [{ region: 'x', price: 1 }, { region: 'y' }, { price: 'lots' }]),
      SnackBaseError, { status: 400 });
    assert.equal(error.details.error, 'validation_error');
    assert.equal(error.details.index, 2);
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ region: `r${i}` }));
    const big = await rejectsWith(client.records.batchCreate(name, tooMany), SnackBaseError, { status: 400 });
    assert.equal(big.details.error, 'batch_too_large');
    assert.equal((await client.records.list(name, { limit: 100 })).total, 6, 'nothing written');
  });

  test('batchUpdate and batchDelete; another account\'s id is 404 and changes nothing', async () => {
    const name = need('name');
    const { client } = need('a');
    const [first, second] = need('created');
    const updated = await client.records.batchUpdate(name, [{ id: first.id, data: { price: 11 } }, { id: second.id, data: { qty: 3 } }]);
    assert.equal(updated.count, 2);
    assert.equal(updated.updated[0].price, 11);
    assert.equal(updated.updated[1].gross, 60);
    const foreign = need('theirs')[0];
    const notFound = await rejectsWith(client.records.batchUpdate(name, [{ id: first.id, data: { price: 99 } }, { id: foreign.id, data: { price: 0 } }]),
      NotFoundError, { status: 404 });
    assert.match(notFound.message, /not found \(index 1\)/);
    assert.equal((await client.records.get(name, first.id)).price, 11, 'the earlier item rolled back');
    assert.equal((await need('b').client.records.get(name, foreign.id)).price, 1000, 'theirs untouched');
    await rejectsWith(client.records.batchDelete(name, [foreign.id]), NotFoundError, { status: 404 });
    const extra = await client.records.batchCreate(name, [{ region: 'tmp' }, { region: 'tmp' }]);
    const deleted = await client.records.batchDelete(name, extra.created.map((r) => r.id));
    assert.equal(deleted.count, 2);
    assert.deepEqual(deleted.deleted, extra.created.map((r) => r.id));
    assert.equal((await client.records.list(name, { limit: 100 })).total, 6);
    assert.equal((await need('b').client.records.list(name, { limit: 100 })).total, 2);
  });

  test('aggregate: functions, group_by, having and filter over the caller\'s rows only', async () => {
    const name = need('name');
    const { client } = need('a');
    const all = await client.records.aggregate(name, { functions: 'count(),sum(price),max(price),min(region)' });
    assert.equal(all.total_groups, 1);
    assert.deepEqual(all.results, [{ count: 6, sum_price: 47, max_price: 20, min_region: 'east' }]);
    const grouped = await client.records.aggregate(name, { functions: 'count(),sum(gross)', group_by: 'region', having: 'count() > 1' });
    assert.deepEqual(grouped.results, [
      { region: 'east', count: 2, sum_gross: 40 }, { region: 'north', count: 2, sum_gross: 71 }, { region: 'south', count: 2, sum_gross: 21 },
    ]);
    const filtered = await client.records.aggregate(name, { functions: 'count()', filter: 'gross >= 20' });
    assert.equal(filtered.results[0].count, 3);
    const theirs = await need('b').client.records.aggregate(name, { functions: 'count(),sum(price)' });
    assert.deepEqual(theirs.results, [{ count: 2, sum_price: 1001 }]);
    for (const params of [{ functions: 'median(price)' }, { functions: 'sum(region)' }, { functions: 'count()', group_by: 'nope' },
      { functions: 'count()', having: 'count() >' }, { functions: 'count()', filter: 'price >' }]) {
      await rejectsWith(client.records.aggregate(name, params), SnackBaseError, { status: 400 });
    }
  });

  test('cursor paging over a multi-field sort equals the offset listing, both ways', async () => {
    const name = need('name');
    const { client } = need('a');
    const sort = '+region,-price';
    const offset = (await client.records.list(name, { sort, limit: 100 })).items.map((r) => r.id);
    assert.equal(offset.length, 6);
    const forward = [];
    let page = await client.records.list(name, { sort, limit: 2, cursor: '' });
    assert.equal(page.prev_cursor, null);
    forward.push(...page.items.map((r) => r.id));
    while (page.has_more) {
      page = await client.records.list(name, { sort, limit: 2, cursor: page.next_cursor });
      forward.push(...page.items.map((r) => r.id));
    }
    assert.deepEqual(forward, offset);
    assert.equal(page.next_cursor, null);
    const backward = [];
    page = await client.records.list(name, { sort, limit: 4, cursor_before: '' });
    backward.unshift(...page.items.map((r) => r.id));
    while (page.has_more) {
      page = await client.records.list(name, { sort, limit: 4, cursor_before: page.prev_cursor });
      backward.unshift(...page.items.map((r) => r.id));
    }
    assert.deepEqual(backward, offset);
    // the query builder's multi-sort, and an SDK-made cursor handed to another account
    const built = await client.records.query(name).sort('region', 'asc').sort('price', 'desc').limit(100).get();
    assert.deepEqual(built.items.map((r) => r.id), offset);
    const token = (await client.records.list(name, { sort, limit: 1, cursor: '' })).next_cursor;
    const theirs = await need('b').client.records.list(name, { sort, limit: 10, cursor: token });
    assert.ok(theirs.items.every((r) => r.account_id === need('b').account.id));
    await rejectsWith(client.records.list(name, { sort, cursor: 'not-a-token' }), SnackBaseError, { status: 400 });
    await rejectsWith(client.records.list(name, { sort: '+region', cursor: token }), SnackBaseError, { status: 400 });
  });
});
