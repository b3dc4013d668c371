-- wrk script: a peak hour of a city hotline, every kind of user at once.
--
-- The mix, per 100 page views, and where it comes from:
--   operators 44: for each call the intake form (8), three knowledge
--     searches while the caller talks (24), the recorded call (8, a POST),
--     and a look at an entry (4). The 12345 operator's flow (seed document,
--     K5/D1): search first, answer or dispatch.
--   unit clerks 22: their queue (8) and the order pages they open (14).
--   the office 12: the order search with a filter (5), the returns list
--     (4), a dispatched-orders list (3).
--   reviewers 4: the dispute list.
--   the public 18: searches on /kb in their own words (12, every one new
--     to the cache) and entry pages (6).
-- Sessions and ids come from the environment (tests/bench/bench.sh sets
-- them): PEAK_OP, PEAK_CLERK, PEAK_COORD (session ids), PEAK_BODY (an
-- intake form with its token), PEAK_ORDERS and PEAK_ENTRIES (comma lists).
local function split(s)
  local t = {}
  for v in (s or ""):gmatch("[^,]+") do t[#t + 1] = v end
  return t
end
local op, clerk, coord = os.getenv("PEAK_OP"), os.getenv("PEAK_CLERK"), os.getenv("PEAK_COORD")
local body = os.getenv("PEAK_BODY")
local orders, entries = split(os.getenv("PEAK_ORDERS")), split(os.getenv("PEAK_ENTRIES"))
local words = { "社保", "户口迁移", "公积金提取", "医保报销", "驾驶证换证", "低保申请",
  "入学报名", "燃气开户", "停水", "发票", "养老保险", "居住证", "不动产登记", "出入境",
  "失业金", "噪音", "占道经营", "欠薪", "物业", "供电" }

-- kind, weight, session, method
local mix = {
  { "intake_form", 8, op }, { "op_search", 24, op }, { "intake_post", 8, op },
  { "op_entry", 4, op }, { "queue", 8, clerk }, { "order", 14, clerk },
  { "office_search", 5, coord }, { "returns", 4, coord }, { "dispatched", 3, coord },
  { "disputes", 4, coord }, { "public_search", 12, nil }, { "public_entry", 6, nil },
}
local deck = {}
for _, m in ipairs(mix) do
  for _ = 1, m[2] do deck[#deck + 1] = m end
end

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("tid", #threads)
end

local n = 0
local function enc(s)
  return (s:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
local function pick(t) return t[(n % #t) + 1] end

request = function()
  n = n + 1
  -- a fixed shuffle of the deck: step through it by a prime
  local m = deck[((n * 37) % #deck) + 1]
  local kind, sid = m[1], m[3]
  local headers = {}
  if sid then headers["Cookie"] = "hl_sid=" .. sid end
  -- every public search new to the micro-cache: a parameter the page
  -- ignores (n=THREAD-COUNT), as tests/bench/mix.lua does
  local q = enc(pick(words)) .. "&n=" .. (tid or 0) .. "-" .. n
  if kind == "intake_form" then return wrk.format("GET", "/orders/new", headers)
  elseif kind == "op_search" then return wrk.format("GET", "/knowledge?q=" .. enc(pick(words)), headers)
  elseif kind == "intake_post" then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format("POST", "/orders", headers, body)
  elseif kind == "op_entry" then return wrk.format("GET", "/knowledge/entries/" .. pick(entries), headers)
  elseif kind == "queue" then return wrk.format("GET", "/orders/queue", headers)
  elseif kind == "order" then return wrk.format("GET", "/orders/" .. pick(orders), headers)
  elseif kind == "office_search" then return wrk.format("GET", "/orders?category_id=2", headers)
  elseif kind == "returns" then return wrk.format("GET", "/orders/returns", headers)
  elseif kind == "dispatched" then return wrk.format("GET", "/orders?state=dispatched", headers)
  elseif kind == "disputes" then return wrk.format("GET", "/disputes", headers)
  elseif kind == "public_search" then return wrk.format("GET", "/kb?q=" .. q, headers)
  else return wrk.format("GET", "/kb/e/" .. pick(entries), headers) end
end

bad = 0
function response(status, headers, body)
  if status >= 400 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("bad") end
  io.write(string.format("peak: requests=%d bad=%d errors=%d p99_us=%d rps=%.1f\n",
    summary.requests, total, summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.status + summary.errors.timeout,
    latency:percentile(99), summary.requests / (summary.duration / 1e6)))
end
