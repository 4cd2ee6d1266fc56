// API-defined hooks through @snackbase/sdk 0.9.0 (spec: hooks.md, domain.md §6.1): a tenant creates, lists,
// gets, updates, toggles, triggers and deletes hooks of its own account; an event hook runs its create_record
// action after a record write; bad input is a ValidationError; another account's hook is a NotFoundError.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AuthenticationError, NotFoundError, ValidationError } from '@snackbase/sdk';
import { UUID, needFrom, newClient, rejectsWith, registerVerifiedUser, superadminClient, unique } from '../lib/setup.mjs';

const OPEN = { list_rule: '@request.auth.id != ""', view_rule: '@request.auth.id != ""', create_rule: '@request.auth.id != ""',
  update_rule: '@request.auth.id != ""', delete_rule: '@request.auth.id != ""' };

async function eventually(check, { timeoutMs = 10_000, everyMs = 200 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

describe('API-defined hooks', () => {
  const state = {};
  const need = (key) => needFrom(state, key);

  test('setup: two collections and two tenants', async () => {
    const admin = await superadminClient();
    state.posts = `posts_${unique()}`;
    state.logs = `logs_${unique()}`;
    await admin.collections.create({ name: state.posts, fields: [{ name: 'title', type: 'text' }], ...OPEN });
    await admin.collections.create({ name: state.logs, fields: [{ name: 'message', type: 'text' }], ...OPEN });
    state.a = await registerVerifiedUser({ label: 'hooks-a' });
    state.b = await registerVerifiedUser({ label: 'hooks-b' });
  });

  test('create returns the hook as stored', async () => {
    const { client, account } = need('a');
    const hook = await client.hooks.create({
      name: 'log new posts',
      description: 'copies each new post title into the log',
      trigger: { type: 'event', event: 'records.create', collection: need('posts') },
      actions: [{ type: 'create_record', collection: need('logs'), data: { message: 'new post {{record.title}}' } }],
    });
    assert.match(hook.id, UUID);
    assert.equal(hook.account_id, account.id);
    assert.equal(hook.enabled, true);
    assert.equal(hook.condition, null);
    assert.equal(hook.next_run_at, null);
    assert.deepEqual(hook.trigger, { type: 'event', event: 'records.create', collection: need('posts') });
    assert.equal(hook.actions.length, 1);
    state.hook = hook;
  });

  test('a record write runs the event hook after commit (create_record in the same account)', async () => {
    const { client } = need('a');
    await client.records.create(need('posts'), { title: 'Hello hooks' });
    const logs = await eventually(async () => {
      const page = await client.records.list(need('logs'));
      return page.items.some((r) => r.message === 'new post Hello hooks') ? page : null;
    });
    assert.ok(logs, 'the hook wrote its log record within 10 s');
    const executions = await client.hooks.listExecutions(need('hook').id);
    assert.equal(executions.total, 1);
    const [run] = executions.items;
    assert.equal(run.trigger_type, 'event');
    assert.equal(run.status, 'success');
    assert.equal(run.actions_executed, 1);
    assert.equal(run.error_message, null);
    assert.equal(run.execution_context.event, 'records.create');
    assert.equal(run.execution_context.collection, need('posts'));
    assert.ok(!Number.isNaN(Date.parse(run.executed_at)));
    const again = await client.hooks.get(need('hook').id);
    assert.ok(again.last_run_at, 'last_run_at is set');
  });

  test('an auth.login hook runs after a login of its account', async () => {
    const { client, email, password, account } = need('a');
    const hook = await client.hooks.create({
      name: 'log logins',
      trigger: { type: 'event', event: 'auth.login' },
      actions: [{ type: 'create_record', collection: need('logs'), data: { message: 'login {{auth.email}}' } }],
    });
    await newClient().auth.login({ account: account.slug, email, password });
    const logged = await eventually(async () => {
      const page = await client.records.list(need('logs'));
      return page.items.some((r) => r.message === `login ${email}`);
    });
    assert.ok(logged, 'the login hook wrote its log record within 10 s');
    const [run] = (await client.hooks.listExecutions(hook.id)).items;
    assert.equal(run.execution_context.event, 'auth.login');
    await client.hooks.delete(hook.id);
  });

  test('list, filters, update, toggle and manual trigger', async () => {
    const { client } = need('a');
    const manual = await client.hooks.create({ name: 'by hand', trigger: { type: 'manual' }, actions: [] });
    const list = await client.hooks.list();
    assert.equal(list.total, 2);
    assert.deepEqual(list.items.map((h) => h.id), [manual.id, need('hook').id], 'newest first');
    assert.equal((await client.hooks.list({ trigger_type: 'manual' })).total, 1);
    const updated = await client.hooks.update(manual.id, { name: 'renamed', condition: 'title = "x"' });
    assert.equal(updated.name, 'renamed');
    assert.equal(updated.condition, 'title = "x"');
    const off = await client.hooks.toggle(manual.id);
    assert.equal(off.enabled, false);
    assert.equal((await client.hooks.list({ enabled: false })).total, 1);
    const ran = await client.hooks.trigger(manual.id);
    assert.deepEqual(ran, { message: 'Hook executed', status: 'success', actions_executed: 0, error: null });
    const executions = await client.hooks.listExecutions(manual.id);
    assert.equal(executions.items[0].trigger_type, 'manual');
    state.manual = manual;
  });

  test('schedule hooks show cron, a description and next_run_at while enabled', async () => {
    const { client } = need('a');
    const hook = await client.hooks.create({ name: 'mondays', trigger: { type: 'schedule', cron: '0 9 * * 1' }, actions: [] });
    assert.equal(hook.cron, '0 9 * * 1');
    assert.equal(hook.cron_description, 'Every Monday at 09:00');
    assert.ok(!Number.isNaN(Date.parse(hook.next_run_at)));
    assert.equal((await client.hooks.toggle(hook.id)).next_run_at, null);
    const triggered = await client.hooks.trigger(hook.id);
    assert.equal(triggered.message, 'Job enqueued successfully');
    assert.match(triggered.job_id, UUID);
    await client.hooks.delete(hook.id);
  });

  test('bad input is a ValidationError and stores nothing', async () => {
    const { client } = need('a');
    const before = (await client.hooks.list()).total;
    await rejectsWith(client.hooks.create({ name: 'x', trigger: { type: 'schedule', cron: '61 * * * *' } }), ValidationError,
      { status: 422, message: /^Invalid cron expression: / });
    await rejectsWith(client.hooks.create({ name: 'x', trigger: { type: 'event', event: 'records.upsert' } }), ValidationError,
      { status: 422, message: /^Unknown event 'records.upsert'. Supported: auth.login, auth.register, records.create/ });
    await rejectsWith(client.hooks.create({ name: 'x', trigger: { type: 'manual' }, actions: [{ type: 'acme.unknown' }] }),
      ValidationError, { status: 422 });
    await rejectsWith(client.hooks.create({ name: 'x', trigger: { type: 'manual' }, actions: [{ type: 'send_email' }] }),
      ValidationError, { status: 422, message: /'to' is required/ });
    await rejectsWith(client.hooks.create({ name: 'x', trigger: { type: 'manual' },
      actions: [{ type: 'send_email', to: '{{record.email' }] }), ValidationError, { status: 422, message: /unclosed/ });
    await rejectsWith(client.hooks.create({ name: 'x', trigger: { type: 'manual' }, condition: 'title = = 1' }),
      ValidationError, { status: 422, message: /^Invalid condition: / });
    assert.equal((await client.hooks.list()).total, before);
  });

  test("another account's hooks are invisible and untouchable", async () => {
    const other = need('b').client;
    const id = need('hook').id;
    assert.equal((await other.hooks.list()).total, 0);
    await rejectsWith(other.hooks.get(id), NotFoundError, { status: 404, message: 'Hook not found' });
    await rejectsWith(other.hooks.update(id, { name: 'mine' }), NotFoundError, { status: 404 });
    await rejectsWith(other.hooks.toggle(id), NotFoundError, { status: 404 });
    await rejectsWith(other.hooks.trigger(id), NotFoundError, { status: 404 });
    await rejectsWith(other.hooks.listExecutions(id), NotFoundError, { status: 404 });
    await rejectsWith(other.hooks.delete(id), NotFoundError, { status: 404 });
    assert.equal((await need('a').client.hooks.get(id)).name, 'log new posts');
  });

  test('anonymous callers get 401; delete answers success and the hook is gone', async () => {
    await rejectsWith(newClient().hooks.list(), AuthenticationError, { status: 401 });
    const { client } = need('a');
    assert.deepEqual(await client.hooks.delete(need('manual').id), { success: true });
    await rejectsWith(client.hooks.get(need('manual').id), NotFoundError, { status: 404 });
  });
});
