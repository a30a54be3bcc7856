-- wrk: POST the JSON body in BODY_FILE to the URL's path, as TOKEN. Usage: wrk ... -s post.lua URL -- BODY_FILE TOKEN
local body, token
function init(args)
  local f = io.open(args[1], "rb"); body = f:read("*a"); f:close()
  token = args[2]
end
function request()
  return wrk.format("POST", nil, {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
