-- GET /api/v1/funds/{code}/balance as an auditor, always the same fund: BENCH_FUND_CODE
-- (bench/run's balance-1k and balance-1m workloads compare a fund of 1,000 entries with one of
-- 1,000,000: a balance is maintained, so its cost must not depend on the journal's length).
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local path = "/api/v1/funds/" .. os.getenv("BENCH_FUND_CODE") .. "/balance"

function request()
  return wrk.format("GET", path, { ["Authorization"] = auditor })
end
