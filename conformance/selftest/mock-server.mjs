// A deliberately small in-memory server that follows the contract (/work/shared/spec/api) for exactly the
// flows the suite covers. It exists only to check the suite itself while the Java server is being written:
//
//   node selftest/run.mjs     (starts this mock and runs the suite against it)
//
// It is NOT a reference implementation; when it and the spec disagree, the spec wins.
import { createHmac, randomBytes, randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import { createServer } from 'node:http';

const SYSTEM_ID = '00000000-0000-0000-0000-000000000000';
const SECRET = randomBytes(32);
const b64 = (v) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const sign = (text) => createHmac('sha256', SECRET).update(text).digest('base64url');
const now = () => new Date().toISOString();

function jwt(claims) {
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${head}.${sign(head)}`;
}

function verifyJwt(token) {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [h, p, s] = parts;
  let header;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url'));
  } catch {
    return null;
  }
  if (header.alg !== 'HS256') return null;
  const expected = Buffer.from(sign(`${h}.${p}`));
  const given = Buffer.from(s);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const claims = JSON.parse(Buffer.from(p, 'base64url'));
  if (claims.exp * 1000 < Date.now()) return null;
  return claims;
}

export function startMock({ superadminEmail, superadminPassword }) {
  const accounts = [{ id: SYSTEM_ID, account_code: 'SY0000', slug: 'system', name: 'SnackBase System', created_at: now() }];
  const users = [{
    id: randomUUID(), email: superadminEmail, password: superadminPassword, account_id: SYSTEM_ID, role: 'admin',
    is_active: true, email_verified: true, created_at: now(), last_login: null,
  }];
  const refresh = new Map(); // jti -> {userId, family, revoked}
  const apiKeys = []; // {id, name, key, hash, owner, expires_at, is_active, created_at}
  let nextCode = 1;

  const authUser = (u) => ({ id: u.id, email: u.email, role: u.role, is_active: u.is_active, created_at: u.created_at, account_id: u.account_id, groups: [], last_login: u.last_login });
  const adminUser = (u) => ({ ...authUser(u), email_verified: u.email_verified, role_name: u.role, account_code: accounts.find((a) => a.id === u.account_id).account_code });
  const findAccount = (ref) => accounts.find((a) => a.account_code.toLowerCase() === String(ref).toLowerCase())
    ?? accounts.find((a) => a.slug === String(ref).toLowerCase()) ?? accounts.find((a) => a.id === ref);

  function issue(user, family = randomUUID()) {
    const iat = Math.floor(Date.now() / 1000);
    const jti = randomUUID();
    refresh.set(jti, { userId: user.id, family, revoked: false });
    return {
      token: jwt({ iss: 'snackbase', sub: user.id, iat, exp: iat + 3600, user_id: user.id, account_id: user.account_id, email: user.email, role: user.role, type: 'access', jti: randomUUID() }),
      refresh_token: jwt({ iss: 'snackbase', sub: user.id, iat, exp: iat + 604800, jti, user_id: user.id, account_id: user.account_id, type: 'refresh' }),
      expires_in: 3600,
    };
  }

  function slugify(name) {
    let s = name.normalize('NFKD').replace(/[^\x00-\x7f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
    s = s.replace(/^-+|-+$/g, '').replace(/^[0-9-]+/, '').slice(0, 32).replace(/-+$/, '');
    return s.length < 3 ? 'account' : s;
  }

  function passwordIssues(pw) {
    const issues = [];
    if (pw.length < 12) issues.push('password_too_short');
    if (!/[A-Z]/.test(pw)) issues.push('password_no_uppercase');
    if (!/[a-z]/.test(pw)) issues.push('password_no_lowercase');
    if (!/[0-9]/.test(pw)) issues.push('password_no_digit');
    if (!/[^A-Za-z0-9]/.test(pw)) issues.push('password_no_special');
    return issues.map((code) => ({ field: 'password', message: code, code }));
  }

  /** Returns {user} | {error: text} | null (no credentials). */
  function authenticate(req) {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const token = header.slice(7);
      if (token.startsWith('sb_ak.')) return apiKeyAuth(token);
      const claims = verifyJwt(token);
      if (!claims || claims.type !== 'access') return { error: 'Invalid token' };
      const user = users.find((u) => u.id === claims.user_id && u.account_id === claims.account_id);
      return user ? { user } : { error: 'Invalid token' };
    }
    if (req.headers['x-api-key']) return apiKeyAuth(req.headers['x-api-key']);
    return null;
  }

  function apiKeyAuth(key) {
    const parts = key.split('.');
    if (parts.length !== 3 || parts[0] !== 'sb_ak') return { error: 'Invalid API key format' };
    if (sign(`${parts[0]}.${parts[1]}`) !== parts[2]) return { error: 'Invalid API key' };
    const hash = createHash('sha256').update(key).digest('hex');
    const found = apiKeys.find((k) => k.hash === hash);
    if (!found || !found.is_active) return { error: 'Token has been revoked' };
    found.last_used_at = now();
    return { user: users.find((u) => u.id === found.owner) };
  }

  async function handle(req, res) {
    const send = (status, body) => {
      res.writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const fail = (status, text, extra = {}) => send(status, { error: extra.error ?? 'Error', message: text, detail: text, ...extra });
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks)) : {};
    const url = new URL(req.url, 'http://x');
    const path = url.pathname;
    const route = `${req.method} ${path}`;

    if (route === 'GET /ready') return send(200, { status: 'ready' });
    if (route === 'POST /api/v1/auth/register') {
      if (typeof body.email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body.email)) {
        return send(422, { error: 'Validation error', message: 'Invalid email', detail: 'Invalid email', field: 'email', errors: { email: ['Invalid email'] } });
      }
      const issues = passwordIssues(body.password ?? '');
      if (issues.length) return send(400, { error: 'Validation error', message: 'Password policy', detail: 'Password policy', details: issues });
      const slug = body.account_slug?.toLowerCase() ?? slugify(body.account_name);
      if (accounts.some((a) => a.slug === slug)) return fail(409, 'An account with this slug already exists', { error: 'Conflict', field: 'account_slug' });
      const account = { id: randomUUID(), account_code: `AA${String(nextCode++).padStart(4, '0')}`, slug, name: body.account_name, created_at: now() };
      accounts.push(account);
      const user = { id: randomUUID(), email: body.email, password: body.password, account_id: account.id, role: 'admin', is_active: true, email_verified: false, created_at: now(), last_login: null };
      users.push(user);
      return send(201, { message: 'Registration successful. Please check your email to verify your account.', user: authUser(user), account });
    }
    if (route === 'POST /api/v1/auth/login') {
      if (!body.account) return send(400, { error: 'Validation error', details: [{ field: 'account', message: 'Account is required in multi-tenant mode', code: 'required' }] });
      const account = findAccount(body.account);
      const user = account && users.find((u) => u.account_id === account.id && u.email === body.email);
      if (!user || user.password !== body.password || !user.is_active) return send(401, { error: 'Authentication failed', message: 'Invalid credentials' });
      if (!user.email_verified) return send(401, { error: 'Authentication failed', message: 'Email not verified. Please check your email inbox.' });
      user.last_login = now();
      return send(200, { ...issue(user), account, user: authUser(user) });
    }
    if (route === 'POST /api/v1/auth/refresh') {
      const claims = body.refresh_token && verifyJwt(body.refresh_token);
      const row = claims?.type === 'refresh' && refresh.get(claims.jti);
      const invalid = () => send(401, { error: 'Authentication failed', message: 'Invalid or expired refresh token' });
      if (!row) return invalid();
      if (row.revoked) {
        for (const r of refresh.values()) if (r.family === row.family) r.revoked = true;
        return invalid();
      }
      row.revoked = true;
      const { token, refresh_token: rt, expires_in } = issue(users.find((u) => u.id === row.userId), row.family);
      return send(200, { token, refresh_token: rt, expires_in });
    }
    if (route === 'POST /api/v1/auth/logout') {
      const who = authenticate(req);
      if (who?.user) for (const r of refresh.values()) if (r.userId === who.user.id) r.revoked = true;
      return send(200, { message: 'Logged out successfully' });
    }

    const who = authenticate(req);
    if (!who || who.error) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return fail(401, who?.error ?? 'Missing authentication credentials');
    }
    const me = who.user;
    if (route === 'GET /api/v1/auth/me') {
      const account = accounts.find((a) => a.id === me.account_id);
      return send(200, { user_id: me.id, account_id: me.account_id, email: me.email, role: me.role, user: authUser(me), account });
    }
    if (me.account_id !== SYSTEM_ID) return fail(403, 'Superadmin access required');
    if (route === 'GET /api/v1/accounts') return send(200, { items: accounts, total: accounts.length, page: 1, page_size: 25, total_pages: 1 });
    if (route === 'GET /api/v1/users') {
      const search = url.searchParams.get('search');
      const items = users.filter((u) => !search || u.email.includes(search)).map(adminUser);
      return send(200, { total: items.length, items });
    }
    let m;
    if ((m = /^\/api\/v1\/users\/([^/]+)(\/verify)?$/.exec(path))) {
      const user = users.find((u) => u.id === m[1]);
      if (!user) return fail(404, 'User not found');
      if (req.method === 'POST' && m[2]) {
        const was = user.email_verified;
        user.email_verified = true;
        return send(200, { message: was ? 'User email is already verified' : 'User email verified successfully' });
      }
      if (req.method === 'GET' && !m[2]) return send(200, adminUser(user));
    }
    const listed = (k) => ({ id: k.id, name: k.name, key: `${k.hash.slice(0, 6)}...${k.hash.slice(-4)}`, last_used_at: k.last_used_at, expires_at: k.expires_at, is_active: k.is_active, created_at: k.created_at });
    if (route === 'POST /api/v1/admin/api-keys') {
      const id = randomUUID();
      const payload = b64({ version: 1, type: 'api_key', user_id: me.id, email: me.email, account_id: me.account_id, role: me.role, permissions: [], issued_at: Math.floor(Date.now() / 1000), expires_at: null, token_id: id });
      const key = `sb_ak.${payload}.${sign(`sb_ak.${payload}`)}`;
      const row = { id, name: body.name, hash: createHash('sha256').update(key).digest('hex'), owner: me.id, expires_at: body.expires_at ?? null, is_active: true, created_at: now(), last_used_at: null };
      apiKeys.push(row);
      return send(201, { id, name: row.name, key, expires_at: row.expires_at, created_at: row.created_at });
    }
    if (route === 'GET /api/v1/admin/api-keys') {
      const items = apiKeys.filter((k) => k.owner === me.id).map(listed);
      return send(200, { items, total: items.length });
    }
    if ((m = /^\/api\/v1\/admin\/api-keys\/([^/]+)$/.exec(path))) {
      const row = apiKeys.find((k) => k.id === decodeURIComponent(m[1]) && k.owner === me.id);
      if (!row) return fail(404, 'API key not found');
      if (req.method === 'GET') return send(200, { ...listed(row), updated_at: row.created_at });
      if (req.method === 'DELETE') {
        row.is_active = false;
        return send(204);
      }
    }
    return fail(404, `Not found: ${route}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'Internal server error', detail: String(error) }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: server.address().port })));
}
