-- wrk script: POSTs the urlencoded form in BENCH_BODY to the URL wrk was
-- given. Only an answer with status BENCH_EXPECT (a form's 303 to the page
-- it created) whose Location is under BENCH_LOCATION counts as a success:
-- a 303 to /login or a form shown again with a message is a failure. The
-- failures are printed after the run as "Bad answers: N".
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"

local expect = tonumber(os.getenv("BENCH_EXPECT") or "303")
local location = os.getenv("BENCH_LOCATION") or ""
bad = 0

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
end

function response(status, headers, body)
  local where = headers["Location"] or headers["location"] or ""
  if status ~= expect or where:sub(1, #location) ~= location then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + t:get("bad")
  end
  io.write(string.format("Bad answers: %d\n", total))
end
