// Outbound webhooks through @snackbase/sdk 0.9.0 (spec: webhooks.md, domain.md §6.2): a tenant creates (the
// secret is returned once), lists, gets, updates, tests and deletes webhooks of its own account; a record write
// is delivered, signed, to a receiver on loopback (the harness runs the instance with
// SNACKBASE_ENVIRONMENT=development, where http:// and loopback targets are allowed) and shows in the
// deliveries listing; bad input is a ValidationError; another account's webhook is a NotFoundError.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { AuthenticationError, NotFoundError, ValidationError } from '@snackbase/sdk';
import { UUID, baseUrl, needFrom, newClient, rejectsWith, registerVerifiedUser, superadminClient, unique } from '../lib/setup.mjs';

const OPEN = { list_rule: '@request.auth.id != ""', view_rule: '@request.auth.id != ""', create_rule: '@request.auth.id != ""',
  update_rule: '@request.auth.id != ""', delete_rule: '@request.auth.id != ""' };

async function eventually(check, { timeoutMs = 10_000, everyMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** A receiver on 127.0.0.1 that keeps every request (headers and raw body) and answers 200. */
function startReceiver() {
  const requests = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ method: request.method, url: request.url, headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('received');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, requests, url: `http://127.0.0.1:${server.address().port}/hook` }));
  });
}

describe('Webhooks', () => {
  const state = {};
  const need = (key) => needFrom(state, key);

  before(async () => {
    state.receiver = await startReceiver();
  });

  after(() => state.receiver?.server.close());

  test('setup: a collection and two tenants', async () => {
    // The harness waits for the auth routes only; each bundle registers its routes on its own.
    const routed = await eventually(async () => (await fetch(`${baseUrl}/api/v1/webhooks`)).status === 401, { timeoutMs: 20_000 });
    assert.ok(routed, 'GET /api/v1/webhooks answers 401 without a token');
    const admin = await superadminClient();
    state.posts = `posts_${unique()}`;
    await admin.collections.create({ name: state.posts, fields: [{ name: 'title', type: 'text' }], ...OPEN });
    state.a = await registerVerifiedUser({ label: 'webhooks-a' });
    state.b = await registerVerifiedUser({ label: 'webhooks-b' });
  });

  test('create returns the webhook and, only here, its generated secret', async () => {
    const { client, account } = need('a');
    const webhook = await client.webhooks.create({
      url: need('receiver').url,
      collection: need('posts'),
      events: ['create', 'update'],
      headers: { 'X-Tenant': 'a' },
    });
    assert.match(webhook.id, UUID);
    assert.equal(webhook.account_id, account.id);
    assert.equal(webhook.url, need('receiver').url);
    assert.equal(webhook.collection, need('posts'));
    assert.deepEqual([...webhook.events].sort(), ['create', 'update']);
    assert.equal(webhook.filter, null);
    assert.equal(webhook.enabled, true);
    assert.deepEqual(webhook.headers, { 'X-Tenant': 'a' });
    assert.match(webhook.secret, /^[0-9a-f]{64}$/);
    assert.equal(webhook.created_by, need('a').userId);
    assert.ok(!Number.isNaN(Date.parse(webhook.created_at)));
    assert.ok(!Number.isNaN(Date.parse(webhook.updated_at)));
    state.webhook = webhook;
  });

  test('a secret given on create is kept (and returned once)', async () => {
    const { client } = need('a');
    const webhook = await client.webhooks.create({ url: need('receiver').url, collection: need('posts'), events: ['delete'],
      secret: 'my-own-secret', enabled: false });
    assert.equal(webhook.secret, 'my-own-secret');
    assert.equal(webhook.enabled, false);
    state.second = webhook;
  });

  test('list and get show the webhooks without their secret', async () => {
    const { client } = need('a');
    const page = await client.webhooks.list();
    assert.equal(page.total, 2);
    assert.deepEqual(page.items.map((w) => w.id).sort(), [need('webhook').id, need('second').id].sort());
    for (const item of page.items) assert.equal(item.secret, undefined, 'no secret in the list');
    const one = await client.webhooks.get(need('webhook').id);
    assert.equal(one.secret, undefined, 'no secret in get');
    const { secret, ...stored } = need('webhook');
    assert.ok(secret);
    assert.deepEqual({ ...one, events: [...one.events].sort() }, { ...stored, events: [...stored.events].sort() });
  });

  test('test posts a signed test payload to the receiver and reports the outcome', async () => {
    const { client, account } = need('a');
    const { requests } = need('receiver');
    requests.length = 0;
    const outcome = await client.webhooks.test(need('webhook').id);
    assert.equal(outcome.success, true);
    assert.equal(outcome.status_code, 200);
    assert.equal(outcome.error, null);
    assert.equal(requests.length, 1, 'test is synchronous');
    const [request] = requests;
    assert.equal(request.method, 'POST');
    assert.match(request.headers['content-type'], /^application\/json/);
    assert.equal(request.headers['x-snackbase-event'], 'test');
    assert.equal(request.headers['x-snackbase-webhook-id'], need('webhook').id);
    assert.equal(request.headers['x-tenant'], 'a');
    const expected = `sha256=${createHmac('sha256', need('webhook').secret).update(request.body).digest('hex')}`;
    assert.equal(request.headers['x-snackbase-signature'], expected);
    const payload = JSON.parse(request.body.toString('utf8'));
    assert.equal(payload.event, 'test');
    assert.equal(payload.webhook_id, need('webhook').id);
    assert.equal(payload.account_id, account.id);
    assert.deepEqual(payload.record, { id: 'test-record', example: 'data' });
  });

  test('a record write is delivered after commit and listed in the deliveries', async () => {
    const { client, account } = need('a');
    const { requests } = need('receiver');
    requests.length = 0;
    const record = await client.records.create(need('posts'), { title: 'Hello webhooks' });
    const delivered = await eventually(() => requests.find((r) => JSON.parse(r.body).record?.id === record.id));
    assert.ok(delivered, 'the receiver got the delivery within 10 s');
    assert.equal(delivered.headers['x-snackbase-event'], 'records.create');
    const expected = `sha256=${createHmac('sha256', need('webhook').secret).update(delivered.body).digest('hex')}`;
    assert.equal(delivered.headers['x-snackbase-signature'], expected);
    const payload = JSON.parse(delivered.body);
    assert.equal(payload.event, 'records.create');
    assert.equal(payload.collection, need('posts'));
    assert.equal(payload.record.title, 'Hello webhooks');
    assert.equal(payload.previous, null);
    assert.equal(payload.account_id, account.id);
    assert.equal(payload.webhook_id, need('webhook').id);
    assert.ok(!Number.isNaN(Date.parse(payload.timestamp)));

    // The delivery row is updated right after the receiver answers: wait for 'delivered'.
    const deliveries = await eventually(async () => {
      const page = await client.webhooks.listDeliveries(need('webhook').id);
      return page.items[0]?.status === 'delivered' ? page : null;
    });
    assert.ok(deliveries, 'the delivery is listed as delivered');
    assert.equal(deliveries.total, 1, 'the test call is not a delivery');
    const [row] = deliveries.items;
    assert.match(row.id, UUID);
    assert.equal(row.webhook_id, need('webhook').id);
    assert.equal(row.event, 'records.create');
    assert.deepEqual(row.payload, payload);
    assert.equal(row.response_status, 200);
    assert.equal(row.response_body, 'received');
    assert.equal(row.attempt_number, 1);
    assert.ok(!Number.isNaN(Date.parse(row.delivered_at)));
    assert.equal(row.next_retry_at, null);
    assert.ok(!Number.isNaN(Date.parse(row.created_at)));
    state.record = record;
  });

  test('update changes the given fields only; an update event carries previous', async () => {
    const { client } = need('a');
    const updated = await client.webhooks.update(need('webhook').id, { filter: 'title != "quiet"', headers: { 'X-Tenant': 'a2' } });
    assert.equal(updated.filter, 'title != "quiet"');
    assert.deepEqual(updated.headers, { 'X-Tenant': 'a2' });
    assert.equal(updated.url, need('receiver').url);
    assert.deepEqual([...updated.events].sort(), ['create', 'update']);
    assert.equal(updated.enabled, true);
    assert.equal(updated.secret, undefined);

    const { requests } = need('receiver');
    requests.length = 0;
    await client.records.patch(need('posts'), need('record').id, { title: 'Changed' });
    await client.records.create(need('posts'), { title: 'quiet' }); // filtered out
    const marker = await client.records.create(need('posts'), { title: 'after the quiet one' });
    const last = await eventually(() => requests.find((r) => JSON.parse(r.body).record?.id === marker.id));
    assert.ok(last, 'the write after the filtered one was delivered');
    const bodies = requests.map((r) => JSON.parse(r.body));
    const update = bodies.find((b) => b.event === 'records.update');
    assert.ok(update, 'the update was delivered');
    assert.equal(update.record.title, 'Changed');
    assert.equal(update.previous.title, 'Hello webhooks');
    assert.equal(requests.find((r) => JSON.parse(r.body).event === 'records.update').headers['x-tenant'], 'a2');
    assert.ok(!bodies.some((b) => b.record?.title === 'quiet'), 'the filter kept the quiet record back');

    const page = await client.webhooks.listDeliveries(need('webhook').id, { limit: 1, offset: 0 });
    assert.equal(page.items.length, 1);
    assert.equal(page.total, 3);
    const rest = await client.webhooks.listDeliveries(need('webhook').id, { limit: 2, offset: 1 });
    assert.equal(rest.items.length, 2);
    assert.ok(!rest.items.some((d) => d.id === page.items[0].id), 'offset skips the first page');

    const disabled = await client.webhooks.update(need('webhook').id, { enabled: false });
    assert.equal(disabled.enabled, false);
    assert.equal(disabled.filter, 'title != "quiet"', 'absent keys are left unchanged');
    const enabled = await client.webhooks.update(need('webhook').id, { enabled: true });
    assert.equal(enabled.enabled, true);
  });

  test('bad input is a ValidationError and stores nothing', async () => {
    const { client } = need('a');
    const base = { url: need('receiver').url, collection: need('posts'), events: ['create'] };
    await rejectsWith(client.webhooks.create({ ...base, url: 'ftp://example.com/hook' }), ValidationError,
      { status: 422, message: /scheme must be http or https/ });
    await rejectsWith(client.webhooks.create({ ...base, url: 'http://10.1.2.3/hook' }), ValidationError,
      { status: 422, message: /private/ });
    await rejectsWith(client.webhooks.create({ ...base, url: 'http://[fd00::1]/hook' }), ValidationError, { status: 422 });
    await rejectsWith(client.webhooks.create({ ...base, url: 'not a url' }), ValidationError, { status: 422 });
    await rejectsWith(client.webhooks.create({ ...base, events: ['upsert'] }), ValidationError,
      { status: 422, message: /Invalid event 'upsert'/ });
    await rejectsWith(client.webhooks.create({ ...base, events: [] }), ValidationError, { status: 422 });
    await rejectsWith(client.webhooks.create({ url: need('receiver').url, events: ['create'] }), ValidationError, { status: 422 });
    await rejectsWith(client.webhooks.create({ ...base, filter: 'title = = 1' }), ValidationError, { status: 422 });
    await rejectsWith(client.webhooks.create({ ...base, headers: { 'X-SnackBase-Signature': 'forged' } }), ValidationError,
      { status: 422, message: /cannot be overridden/ });
    await rejectsWith(client.webhooks.update(need('webhook').id, { url: 'http://169.254.169.254/latest' }), ValidationError,
      { status: 422 });
    assert.equal((await client.webhooks.list()).total, 2);
    assert.equal((await client.webhooks.get(need('webhook').id)).url, need('receiver').url);
  });

  test("another account's webhook is a NotFoundError on every route and never listed", async () => {
    const { client } = need('b');
    const id = need('webhook').id;
    assert.equal((await client.webhooks.list()).total, 0);
    await rejectsWith(client.webhooks.get(id), NotFoundError, { status: 404, message: 'Webhook not found' });
    await rejectsWith(client.webhooks.update(id, { enabled: false }), NotFoundError, { status: 404 });
    await rejectsWith(client.webhooks.test(id), NotFoundError, { status: 404 });
    await rejectsWith(client.webhooks.listDeliveries(id), NotFoundError, { status: 404 });
    await rejectsWith(client.webhooks.delete(id), NotFoundError, { status: 404 });
    assert.equal((await need('a').client.webhooks.get(id)).enabled, true, 'untouched');
    // B's writes to the same collection do not reach A's webhook.
    const { requests } = need('receiver');
    requests.length = 0;
    const foreign = await client.records.create(need('posts'), { title: 'from b' });
    const marker = await need('a').client.records.create(need('posts'), { title: 'from a' });
    assert.ok(await eventually(() => requests.find((r) => JSON.parse(r.body).record?.id === marker.id)));
    assert.ok(!requests.some((r) => JSON.parse(r.body).record?.id === foreign.id), "B's write was not sent to A's webhook");
  });

  test('anonymous calls are an AuthenticationError', async () => {
    await rejectsWith(newClient().webhooks.list(), AuthenticationError, { status: 401 });
    await rejectsWith(newClient().webhooks.get(need('webhook').id), AuthenticationError, { status: 401 });
  });

  test('delete removes the webhook', async () => {
    const { client } = need('a');
    assert.deepEqual(await client.webhooks.delete(need('second').id), { success: true });
    await rejectsWith(client.webhooks.get(need('second').id), NotFoundError, { status: 404 });
    await rejectsWith(client.webhooks.delete(need('second').id), NotFoundError, { status: 404 });
    const page = await client.webhooks.list();
    assert.deepEqual(page.items.map((w) => w.id), [need('webhook').id]);
  });
});
