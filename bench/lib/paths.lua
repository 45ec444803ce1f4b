-- wrk script: cycles through a fixed list of request paths (PATHS_FILE, one path+query per line), threads
-- starting at different, deterministic positions (as the anchor harness's tile script does); ACCEPT, when set, is sent as the Accept
-- header. Prints the latency percentiles wrk keeps on a LATENCY_MS line after its own report.
local file = os.getenv("PATHS_FILE")
local accept = os.getenv("ACCEPT")
local headers = accept and { ["Accept"] = accept } or nil
local paths = {}
for line in io.lines(file) do
  if #line > 0 then paths[#paths + 1] = line end
end
local nthreads = 0
function setup(thread)
  thread:set("tid", nthreads)
  nthreads = nthreads + 1
end
local i
function init(args)
  i = ((tid or 0) * 97) % #paths
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], headers)
end
function done(summary, latency, requests)
  io.write(string.format("LATENCY_MS p50=%.2f p95=%.2f p99=%.2f max=%.2f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
