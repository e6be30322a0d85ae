-- wrk script of scripts/bench-intake: posts JSON field reports without
-- photos to doudi-intake as fast as it answers (wrk is a closed loop: a
-- connection sends its next request when the last is answered). The
-- reporters in turn from DOUDI_BENCH_TOKENS ("TOKEN VILLAGE" lines), each
-- request with a fresh request_id (DOUDI_BENCH_NONCE, 8 hex digits, then
-- the wrk thread and its count). At the end prints key=value lines as
-- doudi-bench-intake-load does: requests, rate, p50/p90/p99/max in ms, the
-- count of each status, ok (2xx) and errors.
local reporters = {}
for line in io.lines(os.getenv("DOUDI_BENCH_TOKENS")) do
  local token, village = line:match("^(%S+) (%S+)$")
  if token then reporters[#reporters + 1] = { token, village } end
end
local nonce = os.getenv("DOUDI_BENCH_NONCE")

local threads, made = {}, 0
function setup(thread)
  thread:set("thread_id", made)
  made = made + 1
  threads[#threads + 1] = thread
end

local count = 0
function request()
  count = count + 1
  local r = reporters[(count * 61 + thread_id) % #reporters + 1]
  local id = string.format("%s-%04x-4000-8000-%012x", nonce, thread_id, count)
  local body = '{"request_id":"' .. id .. '","name":"基准测试户","phone":"13800001234","village":"' .. r[2] ..
      '","address":"基准测试村1组","category":"illness","description":"负载测试：家中老人住院，需要临时救助",' ..
      '"urgency":"normal","consent":true}'
  return wrk.format("POST", "/api/v1/reports",
    { ["Authorization"] = "Bearer " .. r[1], ["Content-Type"] = "application/json" }, body)
end

statuses = {}
function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency)
  local counts, ok = {}, 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do counts[status] = (counts[status] or 0) + n end
  end
  for status, n in pairs(counts) do
    io.write(string.format("status_%d=%d\n", status, n))
    if status >= 200 and status < 300 then ok = ok + n end
  end
  local e = summary.errors
  io.write(string.format("requests=%d\nseconds=%.2f\nrate=%.1f\n", summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50=%.2f\np90=%.2f\np99=%.2f\nmax=%.2f\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("ok=%d\nerrors=%d\n", ok, e.connect + e.read + e.write + e.timeout))
end
