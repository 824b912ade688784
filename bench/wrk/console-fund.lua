-- GET /console/funds/{code} as finance staff: the console's fund page (figures, chart, committee,
-- disbursements, and for finance the first 50 pledges, contributions and journal entries), HTML,
-- compressed as a browser asks for it. A random fund of BENCH_FUNDS_FILE per request.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

function request()
  local fund = pick_fund()
  return wrk.format("GET", "/console/funds/" .. fund.code,
    { ["Authorization"] = finance, ["Accept"] = "text/html", ["Accept-Encoding"] = "gzip, deflate" })
end
