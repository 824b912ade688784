-- GET /console/votes as a committee member (BENCH_TOKEN_MEMBER) seated on every benchmark fund's
-- committee: the requests awaiting their vote across those funds, HTML, compressed as a browser
-- asks for it.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local member = "Bearer " .. os.getenv("BENCH_TOKEN_MEMBER")

function request()
  return wrk.format("GET", "/console/votes",
    { ["Authorization"] = member, ["Accept"] = "text/html", ["Accept-Encoding"] = "gzip, deflate" })
end
