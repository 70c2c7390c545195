/**
 * The reference for bench:http: a bare Fastify + pg server answering GET /api/members/:id with the same two
 * queries the access-checked read needs at the least — the access check (session → the user's active grants
 * with their unit paths) and the member by id within the officer's reach (own cell, residence commune or
 * residence cell in a granted subtree, as memberReadScope writes it) — and JSON.stringify of the row.
 * No schema, no hooks, no logging, no compression: what the hardware gives for this read.
 * Started by bench/http.ts as `node --import tsx bench/bare-server.ts` with PORT, HOST, DATABASE_URL, SESSION_SECRET.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { sessionIdFor } from '../src/server/modules/auth/tokens';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c jit=off' });
const secret = process.env.SESSION_SECRET ?? '';
const app = Fastify({ logger: false });

const ACCESS = `select g.role, u.path::text as path from sessions s
  join users us on us.id = s.user_id and us.is_active
  join role_grants g on g.user_id = s.user_id and g.revoked_at is null
  join org_units u on u.id = g.unit_id and u.status = 'active'
  where s.id = $1 and s.expires_at > now()`;

const MEMBER = `select m.*, cell.name as cell_name, commune.name as residence_commune_name
  from members m
  join org_units cell on cell.id = m.cell_id
  left join org_units commune on commune.id = m.residence_commune_id
  where m.id = $1 and (
    m.cell_id = any(array(select u.id from org_units u where u.path <@ $2::ltree))
    or m.residence_commune_id = any(array(select u.id from org_units u where u.path <@ $2::ltree))
    or m.residence_cell_id = any(array(select u.id from org_units u where u.path <@ $2::ltree)))`;

app.get('/health', async () => ({ ok: true }));
app.get<{ Params: { id: string } }>('/api/members/:id', async (request, reply) => {
  const token = /(?:^|;\s*)rl_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
  if (!token) return reply.status(401).send({ error: 'unauthorized' });
  const grants = await pool.query<{ role: string; path: string }>(ACCESS, [sessionIdFor(token, secret)]);
  const officer = grants.rows.find((g) => g.role === 'committee_officer');
  if (!officer) return reply.status(404).send({ error: 'not_found' });
  const member = await pool.query(MEMBER, [request.params.id, officer.path]);
  if (!member.rows[0]) return reply.status(404).send({ error: 'not_found' });
  return member.rows[0];
});

const close = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void close());
process.on('SIGINT', () => void close());
await app.listen({ port: Number(process.env.PORT ?? 3300), host: process.env.HOST ?? '127.0.0.1' });
