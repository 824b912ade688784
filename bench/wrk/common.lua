-- Shared by the wrk scripts of bench/run (loaded with dofile in every wrk Lua state).
-- Environment (set by bench/run):
--   BENCH_FUNDS_FILE     lines "FUND_CODE DONOR_ID PLEDGE_ID", the funds the load is spread over
--   BENCH_TOKEN_FINANCE  a finance token (writes), BENCH_TOKEN_AUDITOR an auditor token (reads)
--   BENCH_TAG            unique per wrk invocation: part of every Idempotency-Key and bank reference
--   BENCH_AMOUNT_MINOR   amount of each contribution (default 100, i.e. 1.00 EUR)
--   BENCH_IMPORT_SIZE    contributions per import request (default 1000)
-- done() prints one line "BENCH_JSON {...}": requests, duration_us, latency percentiles (us),
-- socket errors, the non-2xx count by status, a sample of a non-2xx body, and the 2xx count
-- by status (201 = contribution(s) recorded, 200 = balance read).

funds = {}
for line in io.lines(os.getenv("BENCH_FUNDS_FILE")) do
  local code, donor, pledge = line:match("^(%S+)%s+(%S+)%s+(%S+)")
  if code then funds[#funds + 1] = { code = code, donor = donor, pledge = pledge } end
end
tag = os.getenv("BENCH_TAG") or tostring(os.time())
finance = "Bearer " .. os.getenv("BENCH_TOKEN_FINANCE")
auditor = "Bearer " .. (os.getenv("BENCH_TOKEN_AUDITOR") or os.getenv("BENCH_TOKEN_FINANCE"))
amount = tonumber(os.getenv("BENCH_AMOUNT_MINOR") or "100")
import_size = tonumber(os.getenv("BENCH_IMPORT_SIZE") or "1000")

-- Main state: one entry per thread, to collect their counters in done().
local threads = {}
local next_tid = 0
function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  threads[#threads + 1] = thread
end

-- Thread state.
counter = 0
non2xx = 0
statuses = {}
ok_statuses = {}
sample = nil

function init(args)
  math.randomseed(os.time() + (tid or 0) * 7919)
end

function next_key()
  counter = counter + 1
  return tag .. "-t" .. (tid or 0) .. "-" .. counter
end

function pick_fund()
  return funds[math.random(#funds)]
end

function contribution_json(fund, key, allocate)
  local s = '{"donorId":"' .. fund.donor .. '","amount":{"amountMinor":' .. amount ..
      ',"currency":"EUR"},"receivedOn":"2020-10-02","bankReference":"B-' .. key .. '"'
  if allocate then
    s = s .. ',"allocations":[{"pledgeId":"' .. fund.pledge .. '","amountMinor":' .. amount .. '}]'
  end
  return s .. '}'
end

function contribution_request()
  local fund = pick_fund()
  local key = next_key()
  return wrk.format("POST", "/api/v1/funds/" .. fund.code .. "/contributions",
    { ["Authorization"] = finance, ["Content-Type"] = "application/json", ["Idempotency-Key"] = key },
    contribution_json(fund, key, true))
end

function balance_request()
  local fund = pick_fund()
  return wrk.format("GET", "/api/v1/funds/" .. fund.code .. "/balance", { ["Authorization"] = auditor })
end

function response(status, headers, body)
  local k = tostring(status)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    statuses[k] = (statuses[k] or 0) + 1
    if sample == nil and body then sample = k .. " " .. string.sub(body, 1, 400) end
  else
    ok_statuses[k] = (ok_statuses[k] or 0) + 1
  end
end

local function jstr(s)
  return '"' .. tostring(s):gsub('[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end) .. '"'
end

local function jmap(t)
  local parts = {}
  for k, v in pairs(t) do parts[#parts + 1] = jstr(k) .. ":" .. v end
  return "{" .. table.concat(parts, ",") .. "}"
end

function done(summary, latency, requests)
  local n2, st, ok, sam = 0, {}, {}, nil
  for _, t in ipairs(threads) do
    n2 = n2 + (t:get("non2xx") or 0)
    for k, v in pairs(t:get("statuses") or {}) do st[k] = (st[k] or 0) + v end
    for k, v in pairs(t:get("ok_statuses") or {}) do ok[k] = (ok[k] or 0) + v end
    sam = sam or t:get("sample")
  end
  local e = summary.errors
  io.write("BENCH_JSON {",
    '"requests":', summary.requests, ',"duration_us":', summary.duration,
    ',"rps":', string.format("%.2f", summary.requests / (summary.duration / 1e6)),
    ',"latency_us":{"mean":', string.format("%.0f", latency.mean), ',"p50":', latency:percentile(50),
    ',"p90":', latency:percentile(90), ',"p99":', latency:percentile(99),
    ',"p99_9":', latency:percentile(99.9), ',"max":', latency.max, '}',
    ',"socket_errors":{"connect":', e.connect, ',"read":', e.read, ',"write":', e.write,
    ',"timeout":', e.timeout, '}',
    ',"wrk_status_errors":', e.status,
    ',"non2xx":', n2, ',"non2xx_by_status":', jmap(st), ',"ok_by_status":', jmap(ok),
    ',"non2xx_sample":', sam and jstr(sam) or "null", "}\n")
end
