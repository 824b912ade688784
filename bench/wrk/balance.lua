-- GET /api/v1/funds/{code}/balance as an auditor, a fund picked at random per request.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
request = balance_request
