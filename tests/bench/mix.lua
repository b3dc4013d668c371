-- wrk script: cycles through the request paths listed (one per line) in the
-- file named by BENCH_PATHS, so that one run mixes common, rare and no-hit
-- searches.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
