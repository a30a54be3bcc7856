-- wrk: POST …/assignments/{id}/reports with If-Match. Run with as many threads as connections (-t N -c N): each
-- thread then has one connection, owns every N-th assignment of IDS ("id<TAB>version" a line) and keeps their
-- versions from each answer's ETag, so no report is a 412 by design (as bench/task-service/LoadDriver.java).
-- Usage: wrk -tN -cN ... -s report.lua URL -- IDS TOKEN BASEPATH N
local counter = 0
function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
end

local ids, versions, token, base, last = {}, {}, nil, nil, nil
local body = '{"status":"IN_PROGRESS","note":"bench"}'
function init(args)
  token, base = args[2], args[3]
  local threads_total = tonumber(args[4])
  local n = 0
  for line in io.lines(args[1]) do
    if n % threads_total == index then
      local id, v = line:match("^(%S+)\t(%d+)$")
      ids[#ids + 1] = id
      versions[id] = tonumber(v)
    end
    n = n + 1
  end
  math.randomseed(os.time() + index)
end

function request()
  last = ids[math.random(#ids)]
  return wrk.format("POST", base .. "/assignments/" .. last .. "/reports", {["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json", ["If-Match"] = '"' .. versions[last] .. '"'}, body)
end

function response(status, headers, body)
  local etag = headers["ETag"] or headers["etag"]
  if etag then
    versions[last] = tonumber(etag:match("(%d+)"))
  end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
