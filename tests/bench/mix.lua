-- wrk script: cycles through the request paths listed (one per line) in the
-- file named by BENCH_PATHS, so that one run mixes common, rare and no-hit
-- searches. With BENCH_UNIQUE=1 every request also carries a parameter no
-- other request has (n=THREAD-COUNT), so that no cache can answer it: the
-- application ignores parameters a page does not declare.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local unique = os.getenv("BENCH_UNIQUE") == "1"
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local i = 0
local n = 0
request = function()
  i = i % #paths + 1
  local p = paths[i]
  if unique then
    n = n + 1
    p = p .. (p:find("?", 1, true) and "&" or "?") .. "n=" .. (tid or 0) .. "-" .. n
  end
  return wrk.format("GET", p)
end
