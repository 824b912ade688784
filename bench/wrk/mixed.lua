-- 80 % balance reads, 20 % contributions (BENCH_MIXED_WRITE_SHARE, default 0.2), picked at
-- random per request. In done(), ok_by_status 200 counts reads and 201 contributions.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
write_share = tonumber(os.getenv("BENCH_MIXED_WRITE_SHARE") or "0.2")
function request()
  if math.random() < write_share then return contribution_request() end
  return balance_request()
end
