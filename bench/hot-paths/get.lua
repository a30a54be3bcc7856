-- wrk: GET a random line of PATHS (one "path[<TAB>bearer token]" a line; the token defaults to TOKEN).
-- Usage: wrk ... -s get.lua URL -- PATHS TOKEN
local paths, tokens = {}, {}
local default_token

function init(args)
  default_token = args[2]
  for line in io.lines(args[1]) do
    local p, t = line:match("^([^\t]+)\t?(.*)$")
    paths[#paths + 1] = p
    tokens[#tokens + 1] = (t ~= nil and t ~= "") and t or default_token
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1e6) + #paths)
end

function request()
  local i = math.random(#paths)
  return wrk.format("GET", paths[i], {["Authorization"] = "Bearer " .. tokens[i], ["Accept"] = "application/json"})
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
