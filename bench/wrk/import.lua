-- Bank-statement import: POST /api/v1/funds/{code}/contributions/batch with BENCH_IMPORT_SIZE
-- (1000) contributions per request, each allocated to the fund's big pledge as in the single
-- workload (BENCH_IMPORT_ALLOCATE=0 to omit allocations), one Idempotency-Key per request.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
allocate = (os.getenv("BENCH_IMPORT_ALLOCATE") or "1") ~= "0"
function request()
  local fund = pick_fund()
  local key = next_key()
  local items = {}
  for i = 1, import_size do
    items[i] = contribution_json(fund, key .. "-" .. i, allocate)
  end
  return wrk.format("POST", "/api/v1/funds/" .. fund.code .. "/contributions/batch",
    { ["Authorization"] = finance, ["Content-Type"] = "application/json", ["Idempotency-Key"] = key },
    '{"contributions":[' .. table.concat(items, ",") .. ']}')
end
