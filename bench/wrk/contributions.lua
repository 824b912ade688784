-- One contribution per request, as finance, allocated to the fund's big pledge; a fund picked
-- at random among BENCH_FUNDS_FILE's for each request. See common.lua.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
request = contribution_request
