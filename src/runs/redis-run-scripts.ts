// The Lua scripts of redisRunStore: each is one atomic step on one run's keys (all in one
// cluster slot thanks to the run's hash tag), so set-if-absent and "not after the end" hold
// across every instance. KEYS are always, in order: meta, events, lease, cancel.

/** The keys of one run: `<prefix>{<runId>}:<part>`; the braces make them share a cluster slot. */
export interface RedisRunKeys {
  /** Hash: createdAt, metadata (JSON), lastId, and once ended terminal (JSON) and terminalId. */
  readonly meta: string;
  /** Stream: one entry per event (`0-<id>`, field `event`), then the terminal (field `terminal`). */
  readonly events: string;
  /** String with a PX expiry: present while the owner's lease holds. */
  readonly lease: string;
  /** String: present once a cancel was requested. */
  readonly cancel: string;
  /** Pub/sub channel the cancel request is announced on. */
  readonly cancelChannel: string;
}

/** The keys of `runId` under `prefix` (default `rivulet:run:`). */
export function redisRunKeys(prefix: string, runId: string): RedisRunKeys {
  const base = `${prefix}{${runId}}:`;
  return {
    meta: `${base}meta`,
    events: `${base}events`,
    lease: `${base}lease`,
    cancel: `${base}cancel`,
    cancelChannel: `${base}cancel`,
  };
}

/** The four keys a script takes, in its KEYS order. */
export function scriptKeys(keys: RedisRunKeys): string[] {
  return [keys.meta, keys.events, keys.lease, keys.cancel];
}

/**
 * ARGV: createdAt, metadata JSON, leaseMs, ttlMs ('' for none). 1 when created, 0 when the run
 * exists. With a TTL, the meta key expires leaseMs + ttlMs from now (pushed back on every
 * renewal), so the keys of a run whose owner died and that nobody read do not stay for ever.
 */
export const CREATE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4])
redis.call('HSET', KEYS[1], 'createdAt', ARGV[1], 'metadata', ARGV[2], 'lastId', '0', 'ttlMs', ARGV[4])
redis.call('SET', KEYS[3], '1', 'PX', ARGV[3])
if ARGV[4] ~= '' then redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) + tonumber(ARGV[4])) end
return 1`;

/**
 * ARGV: maxEvents, then id and event JSON for each event of the batch. 1 when appended, 0 when
 * the run is missing or ended. The events key is made by the first XADD: it takes the meta
 * key's expiry then, so a running run's keys all go together.
 */
export const APPEND_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'terminal') == 1 then return 0 end
local fresh = redis.call('EXISTS', KEYS[2]) == 0
local last = nil
for index = 2, #ARGV, 2 do
  redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[1], '0-' .. ARGV[index], 'event', ARGV[index + 1])
  last = ARGV[index]
end
if last ~= nil then redis.call('HSET', KEYS[1], 'lastId', last) end
if fresh and last ~= nil then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
end
return 1`;

/**
 * ARGV: id, terminal JSON (without its id), ttlMs ('' for no TTL), maxEvents. The terminal goes
 * after the last event (its id at least lastId + 1), then every key of the run gets the TTL.
 * 1 when written, 0 when the run is missing or already ended.
 */
export const FINISH_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'terminal') == 1 then return 0 end
local id = math.max(tonumber(ARGV[1]), tonumber(redis.call('HGET', KEYS[1], 'lastId') or '0') + 1)
redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[4], '0-' .. id, 'terminal', ARGV[2])
redis.call('HSET', KEYS[1], 'terminal', ARGV[2], 'terminalId', id, 'lastId', id)
if ARGV[3] ~= '' then
  for _, key in ipairs(KEYS) do redis.call('PEXPIRE', key, ARGV[3]) end
end
return 1`;

/**
 * ARGV: leaseMs. Renews the lease of a running run, and pushes its keys' expiry (when it has a
 * TTL) to leaseMs + ttlMs from now; a no-op once it ended or expired.
 */
export const RENEW_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'terminal') == 1 then return 0 end
redis.call('SET', KEYS[3], '1', 'PX', ARGV[1])
local ttl = redis.call('HGET', KEYS[1], 'ttlMs')
if ttl and ttl ~= '' then
  local keep = tonumber(ARGV[1]) + tonumber(ttl)
  redis.call('PEXPIRE', KEYS[1], keep)
  redis.call('PEXPIRE', KEYS[2], keep)
  redis.call('PEXPIRE', KEYS[4], keep)
end
return 1`;

/**
 * ARGV: channel. Sets the cancel key (with the run's TTL when it has one) and publishes on the
 * channel. 1 when the run exists, 0 otherwise.
 */
export const CANCEL_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then redis.call('SET', KEYS[4], '1', 'PX', ttl) else redis.call('SET', KEYS[4], '1') end
redis.call('PUBLISH', ARGV[1], '1')
return 1`;

/** The meta hash's fields and whether the lease key exists, read at one instant. */
export const INFO_SCRIPT = `
return { redis.call('HGETALL', KEYS[1]), redis.call('EXISTS', KEYS[3]) }`;
