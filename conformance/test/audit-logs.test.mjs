// The audit log through @snackbase/sdk 0.9.0 (spec: audit-logs.md, domain.md §4): record writes leave one
// entry per (changed) column, superadmins list, get and export them (JSON, CSV; PDF is a clean 400), tenants
// are refused, and the chain verifies (GET /audit-logs/verify, beyond the SDK).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NotFoundError, SnackBaseError } from '@snackbase/sdk';
import { baseUrl, needFrom, registerVerifiedUser, rejectsWith, superadmin, superadminClient, unique } from '../lib/setup.mjs';

describe('audit logs', () => {
  const state = {};
  const need = (key) => needFrom(state, key);

  test('setup: a collection and a tenant who writes a record', async () => {
    const admin = await superadminClient();
    const name = `notes_${unique()}`;
    const owner = '@request.auth.id != ""';
    await admin.collections.create({
      name,
      fields: [{ name: 'title', type: 'text' }, { name: 'body', type: 'text' }],
      list_rule: owner, view_rule: owner, create_rule: owner, update_rule: owner, delete_rule: owner,
    });
    const tenant = await registerVerifiedUser({ label: 'audit' });
    const record = await tenant.client.records.create(name, { title: 'first', body: 'text' });
    await tenant.client.records.patch(name, record.id, { title: 'second' });
    Object.assign(state, { name, tenant, record });
  });

  test('list: one entry per column on create, per changed column on update, with the chain fields', async () => {
    const admin = await superadminClient();
    const { name, record, tenant } = { name: need('name'), record: need('record'), tenant: need('tenant') };
    const listed = await admin.auditLogs.list({ table_name: `col_${name}`, record_id: record.id, sort_by: 'id', sort_order: 'asc', limit: 500 });
    assert.equal(listed.audit_logging_enabled, true);
    const created = listed.items.filter((e) => e.operation === 'CREATE');
    assert.ok(created.some((e) => e.column_name === 'title' && e.new_value === 'first' && e.old_value === null));
    assert.ok(created.every((e) => e.user_id === tenant.userId && e.account_id === tenant.account.id));
    const updated = listed.items.filter((e) => e.operation === 'UPDATE');
    assert.deepEqual(updated.filter((e) => e.column_name === 'title').map((e) => [e.old_value, e.new_value]), [['first', 'second']]);
    assert.ok(!updated.some((e) => e.column_name === 'body'), 'unchanged columns are not audited');
    assert.ok(listed.items.every((e) => /^[0-9a-f]{64}$/.test(e.checksum)));
    const entry = await admin.auditLogs.get(listed.items[0].id);
    assert.deepEqual(entry, listed.items[0]);
    await rejectsWith(admin.auditLogs.get(2_000_000_000), NotFoundError, { status: 404 });
    const updates = await admin.auditLogs.list({ operation: 'UPDATE', record_id: record.id });
    assert.ok(updates.total >= 1 && updates.items.every((e) => e.operation === 'UPDATE'));
    state.firstId = listed.items[0].id;
  });

  test('export: JSON (parsed by the SDK) and CSV with the contract\'s columns; PDF is a 400, not a 5xx', async () => {
    const admin = await superadminClient();
    const filters = { table_name: `col_${need('name')}`, record_id: need('record').id };
    const json = await admin.auditLogs.export(filters, 'json');
    assert.ok(Array.isArray(json) && json.length >= 3);
    assert.deepEqual(Object.keys(json[0]).sort(), ['checksum', 'column_name', 'id', 'ip_address', 'new_value', 'occurred_at', 'old_value',
      'operation', 'record_id', 'table_name', 'user_email'].sort());
    const csv = await admin.auditLogs.export(filters, 'csv');
    assert.equal(typeof csv, 'string');
    assert.equal(csv.split(/\r?\n/)[0], 'ID,Timestamp,Operation,Table,Record ID,Column,Old Value,New Value,User,IP Address,Checksum');
    assert.equal(csv.trim().split(/\r?\n/).length, json.length + 1);
    await rejectsWith(admin.auditLogs.export(filters, 'pdf'), SnackBaseError, { status: 400 });
  });

  test('tenants may not read the audit log', async () => {
    const { client } = need('tenant');
    await rejectsWith(client.auditLogs.list(), SnackBaseError, { status: 403 });
    await rejectsWith(client.auditLogs.get(need('firstId')), SnackBaseError, { status: 403 });
    await rejectsWith(client.auditLogs.export({}, 'json'), SnackBaseError, { status: 403 });
  });

  test('the chain verifies', async () => {
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ account: 'SY0000', email: superadmin.email, password: superadmin.password }),
    });
    const { token } = await login.json();
    const answer = await fetch(`${baseUrl}/api/v1/audit-logs/verify`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(answer.status, 200);
    const body = await answer.json();
    assert.equal(body.valid, true, JSON.stringify(body));
    assert.ok(body.checked >= 3);
    assert.equal(body.first_broken, null);
  });
});
