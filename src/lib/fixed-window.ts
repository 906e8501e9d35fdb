/**
 * Lua for a fixed-window counter in Redis (the rate limiter's budgets, the flow limiter's
 * counts): gives KEYS[1] the window's expiry (ARGV[1], ms) when it has none, and leaves the
 * ms it has left in `ttl`. Run in the same script as the count, so that a process dying
 * between the two cannot leave a counter without expiry; a counter found without one (left
 * by such a crash before the scripts) gets it here too.
 */
export const WINDOW_TTL_LUA = `
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end`;
