-- GET /api/v1/funds/{code}/balance?asOf=T as an auditor on fund BENCH_FUND_CODE, T a random
-- instant (microseconds, RFC 3339 UTC) drawn per request from [BENCH_ASOF_FROM, BENCH_ASOF_TO)
-- (epoch seconds, the span of the loaded history), so that the reads land all over the index.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local path = "/api/v1/funds/" .. os.getenv("BENCH_FUND_CODE") .. "/balance?asOf="
local from = tonumber(os.getenv("BENCH_ASOF_FROM"))
local span = tonumber(os.getenv("BENCH_ASOF_TO")) - from

function request()
  local t = from + math.floor(math.random() * span)
  local at = os.date("!%Y-%m-%dT%H:%M:%S", t) .. string.format(".%06dZ", math.random(0, 999999))
  return wrk.format("GET", path .. at, { ["Authorization"] = auditor })
end
