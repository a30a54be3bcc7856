-- wrk: each thread (one connection each: run with -t N -c N) GETs the same path with its own header line from a file,
-- e.g. its own console session cookie ("Cookie: duban_session=…") or the bearer token ("Authorization: Bearer …").
-- Usage: WRK_HEADERS=FILE wrk -t16 -c16 -d10s -s sessions.lua URL   (setup() runs before any thread sees its args)
local lines, n = {}, 0

function setup(thread)
  if #lines == 0 then
    for line in io.lines(os.getenv("WRK_HEADERS")) do lines[#lines + 1] = line end
  end
  n = n + 1
  thread:set("header_line", lines[(n - 1) % #lines + 1])
end

function init(args)
  local name, value = header_line:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
  wrk.headers["Accept-Encoding"] = "gzip"
end

-- as a browser does: a session cookie the console sends again (it reseals the session's last-seen time once a minute)
-- replaces the one this connection sends
function response(status, headers, body)
  local set = headers["Set-Cookie"]
  if set ~= nil then
    local session = set:match("^(duban_session=[^;]+)")
    if session ~= nil then wrk.headers["Cookie"] = session end
  end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d non2xx=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
