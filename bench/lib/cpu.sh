# CPU accounting per workload: where the machine's two cores went (the service's JVM,
# PostgreSQL, everything else: the load generator, pgbench, the harness). Source it; then
#   cpu_snapshot SERVICE_PID POSTMASTER_PID   prints "service_ticks postgres_ticks busy_ticks"
# and the report subtracts a snapshot taken before a workload from one taken after it.
# Ticks are USER_HZ (getconf CLK_TCK, 100 on Linux): user + system time from /proc.

# user+system ticks of one process (all its threads).
cpu_ticks_of() {
  awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}

# PostgreSQL: the postmaster, its live children, and (cutime/cstime) the children it has
# reaped, so that pgbench's connections, which exit when it ends, are counted too.
cpu_postgres_ticks() {
  local postmaster=$1 total child
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat" 2>/dev/null || echo 0)
  for child in $(cat "/proc/$postmaster/task/$postmaster/children" 2>/dev/null); do
    total=$((total + $(cpu_ticks_of "$child")))
  done
  echo "$total"
}

# Busy ticks of the whole machine (every state but idle and iowait), from /proc/stat.
cpu_busy_ticks() {
  awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat
}

cpu_snapshot() {
  echo "$(cpu_ticks_of "$1") $(cpu_postgres_ticks "$2") $(cpu_busy_ticks)"
}
