#!/usr/bin/env python3
"""Turns bench/run's raw outputs (its working directory) into latest.json and latest.md.

    python3 bench/lib/report.py WORK_DIR RESULTS_DIR
"""
import collections
import glob
import json
import os
import re
import sys

work, out_dir = sys.argv[1], sys.argv[2]
meta = json.load(open(os.path.join(work, "meta.json")))


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    k = max(0, min(len(sorted_values) - 1, int(round(p / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


# --- RSS samples and phases
samples = []
for line in open(os.path.join(work, "rss.samples")):
    parts = line.split()
    if len(parts) == 2:
        samples.append((int(parts[0]), int(parts[1])))
phases = {}
for line in open(os.path.join(work, "phases")):
    name, t0, t1 = line.split()
    phases[name] = (int(t0), int(t1))


def rss_in(name):
    t0, t1 = phases[name]
    values = [kb for t, kb in samples if t0 <= t <= t1]
    if not values:
        return None
    return {"max_kb": max(values), "mean_kb": round(sum(values) / len(values)), "samples": len(values)}


# --- wrk runs
workloads = {}
for name in phases:  # in the order they ran
    path = os.path.join(work, "wrk-%s.out" % name)
    if not os.path.exists(path):
        continue
    line = next((l for l in open(path) if l.startswith("BENCH_JSON ")), None)
    if line is None:
        continue
    r = json.loads(line[len("BENCH_JSON "):])
    kind, _, c = name.rpartition("-c")
    r["workload"] = kind
    r["connections"] = int(c)
    r["duration_s"] = round(r["duration_us"] / 1e6, 3)
    r["latency_ms"] = {k: round(v / 1000.0, 3) for k, v in r.pop("latency_us").items()}
    created = int(r["ok_by_status"].get("201", 0))
    reads = int(r["ok_by_status"].get("200", 0))
    if kind.endswith("contributions"):
        r["contributions_per_s"] = round(created / r["duration_s"], 2)
    elif kind == "import":
        r["contributions_per_s"] = round(created * meta["import_size"] / r["duration_s"], 2)
        r["imports_per_s"] = round(created / r["duration_s"], 3)
        # wrk drops the imports in flight when the time is up: also the rate the latency implies
        # (connections x size / mean latency), which counts none of them out.
        mean_s = r["latency_ms"]["mean"] / 1000.0
        r["contributions_per_s_from_latency"] = (round(r["connections"] * meta["import_size"] / mean_s, 2)
                                                 if created and mean_s > 0 else None)
    elif kind.startswith("balance") or kind.startswith("asof") or kind.startswith("console"):
        # balance, balance-1k, balance-1m, asof-1m, console-fund, console-votes
        r["reads_per_s"] = round(reads / r["duration_s"], 2)
    elif kind == "mixed":
        r["reads_per_s"] = round(reads / r["duration_s"], 2)
        r["contributions_per_s"] = round(created / r["duration_s"], 2)
    r["rss"] = rss_in(name)
    workloads[name] = r

# --- pgbench runs: pgbench-cN runs contribution.sql, the SQL of one contribution before issue
# #20 (the fixed reference); pgbench-now-cN runs contribution-now.sql, the service's SQL today.
PGBENCH_RUN = re.compile(r"^pgbench(-now)?-c(\d+)$")
pgbench, pgbench_now = {}, {}
for name in phases:
    m = PGBENCH_RUN.match(name)
    if not m:
        continue
    c = int(m.group(2))
    path = os.path.join(work, "%s.out" % name)
    text = open(path).read()
    tps = re.search(r"^tps = ([0-9.]+) \(without initial connection time\)", text, re.M)
    avg = re.search(r"^latency average = ([0-9.]+) ms", text, re.M)
    processed = re.search(r"^number of transactions actually processed: (\d+)", text, re.M)
    failed = re.search(r"^number of failed transactions: (\d+)", text, re.M)
    lat = []
    failed_in_log = 0
    for log_path in glob.glob(os.path.join(work, "pgblog-%s.*" % name[len("pgbench-"):])):
        for line in open(log_path):
            f = line.split()
            if len(f) >= 3:
                if f[2].isdigit():
                    lat.append(int(f[2]))
                else:
                    failed_in_log += 1
    lat.sort()
    (pgbench_now if m.group(1) else pgbench)[str(c)] = {
        "script": "contribution-now.sql" if m.group(1) else "contribution.sql",
        "connections": c,
        "tps": float(tps.group(1)) if tps else None,
        "transactions": int(processed.group(1)) if processed else None,
        "failed": int(failed.group(1)) if failed else failed_in_log,
        "latency_ms": {
            "mean": float(avg.group(1)) if avg else None,
            "p50": round(percentile(lat, 50) / 1000.0, 3) if lat else None,
            "p99": round(percentile(lat, 99) / 1000.0, 3) if lat else None,
            "p99_9": round(percentile(lat, 99.9) / 1000.0, 3) if lat else None,
            "max": round(lat[-1] / 1000.0, 3) if lat else None,
        },
        "client_aborts": len(re.findall(r"client \d+ aborted", text)),
        "stderr_sample": "\n".join(l for l in text.splitlines() if "ERROR" in l or "aborted" in l)[:600] or None,
    }



def pgbench_runs():
    """Every pgbench run by its phase name, the reference script's first."""
    return dict([("pgbench-c" + c, p) for c, p in pgbench.items()]
                + [("pgbench-now-c" + c, p) for c, p in pgbench_now.items()])


# --- CPU per workload (bench/lib/cpu.sh): the service's JVM, PostgreSQL, and the rest of the
# machine (wrk or pgbench, the harness), in CPU seconds and per request / transaction.
HZ = os.sysconf("SC_CLK_TCK")
cpu_path = os.path.join(work, "cpu")
for line in (open(cpu_path) if os.path.exists(cpu_path) else []):
    name, *t = line.split()
    if len(t) != 6:
        continue
    svc, pg, busy = ((int(t[i + 3]) - int(t[i])) / HZ for i in range(3))
    if PGBENCH_RUN.match(name):
        run = pgbench_runs().get(name)
        done = run and run["transactions"]
    else:
        run = workloads.get(name)
        done = run and sum(int(v) for v in run["ok_by_status"].values())
    if not run:
        continue
    run["cpu_s"] = {"service": round(svc, 2), "postgres": round(pg, 2), "other": round(max(busy - svc - pg, 0), 2),
                    "machine_busy": round(busy, 2)}
    run["cpu_ms_per_answer"] = ({k: round(v * 1000.0 / done, 3) for k, v in run["cpu_s"].items()} if done else None)

# --- SQL per workload (pg_stat_statements, bench/run's sql_snapshot): statements the service's
# role ran, BEGIN and COMMIT included, in all and per 2xx answer or pgbench transaction; the
# statements that ran most, with their execution time (the database's own, without round trips);
# and the connections opened meanwhile, which the JDBC driver's set-up statement counts (one per
# connection: a pool that opens connections under load shows here, issue #20).
SQL_TOP = 12
CONNECTION_SETUP = "SET application_name"
for name, run in list(workloads.items()) + list(pgbench_runs().items()):
    path = os.path.join(work, "sql-%s.tsv" % name)
    if not os.path.exists(path):
        continue
    rows = []
    for line in open(path, errors="replace"):
        f = line.rstrip("\n").split("\t", 3)
        if len(f) == 4:
            rows.append({"calls": int(f[0]), "rows": int(f[1]), "total_ms": float(f[2]), "query": f[3]})
    done = run["transactions"] if PGBENCH_RUN.match(name) else sum(int(v) for v in run["ok_by_status"].values())
    calls = sum(r["calls"] for r in rows)
    run["sql"] = {
        "statements": calls,
        "statements_per_answer": round(calls / done, 2) if done else None,
        "exec_ms_per_answer": round(sum(r["total_ms"] for r in rows) / done, 3) if done else None,
        "connections_opened": sum(r["calls"] for r in rows if r["query"].startswith(CONNECTION_SETUP)),
        "top": [dict(r, calls_per_answer=round(r["calls"] / done, 2) if done else None) for r in rows[:SQL_TOP]],
    }



def service_over(runs):
    """Contributions per second of the service over pgbench's transactions per second, by connections."""
    out = {}
    for c, p in runs.items():
        w = workloads.get("contributions-c" + c)
        if w and p["tps"]:
            out[c] = round(w["contributions_per_s"] / p["tps"], 3)
    return out


ratios, ratios_now = service_over(pgbench), service_over(pgbench_now)

# --- service log
log_lines = open(os.path.join(work, "service.log"), errors="replace").read().splitlines()
# The production profile logs JSON lines ("level":"ERROR"); dev and tests, text lines.
level = re.compile(r'^\S+ \S+ (ERROR|WARN)\b|^\{.*?"level":"(ERROR|WARN)"')


def level_of(line):
    m = level.match(line)
    return (m.group(1) or m.group(2)) if m else None


errors = [l for l in log_lines if level_of(l) == "ERROR"]
warns = [l for l in log_lines if level_of(l) == "WARN"]
exceptions = [l for l in log_lines if re.search(r"Exception|Caused by", l)]

# --- database after the load
db = {"contributions_by_fund": [], "journal_entries": None, "verification": None}
for line in open(os.path.join(work, "db-contributions")):
    f = line.split()
    if len(f) == 4:
        db["contributions_by_fund"].append({"fund": f[0], "contributions": int(f[1]), "sum_minor": int(f[2]),
                                            "pledge_received_minor": int(f[3])})
db["journal_entries"] = int(open(os.path.join(work, "db-entries")).read().strip() or 0)
try:
    v = json.load(open(os.path.join(work, "verification.json")))
    # pgbench's PGB-* funds have no real hash chain (contribution.sql hashes something else):
    # only the service's funds are expected INTACT.
    service_funds = [f for f in v.get("funds", []) if not f["fundCode"].startswith("PGB-")]
    db["verification"] = {
        "service_funds": {f["fundCode"]: f["status"] for f in service_funds},
        "service_funds_intact": all(f["status"] == "INTACT" for f in service_funds),
        "overall_status_including_pgbench_funds": v.get("status"),
        "entries_checked": v.get("entriesChecked"),
    }
except Exception:
    db["verification"] = None

# --- the million-entry fund (bench/run with BENCH_MILLION=1)
million = None
if meta.get("million"):
    m = json.load(open(os.path.join(work, "million.json")))
    conns = m["connections"]
    million = dict(m)
    million["load"] = {}
    for code in ("BENCH-1K", "BENCH-1M", "BENCH-2014"):
        path = os.path.join(work, "load-%s.json" % code)
        if os.path.exists(path):
            million["load"][code] = json.load(open(path))
    try:
        v = json.load(open(os.path.join(work, "verify-after-load.json")))
        million["verify_after_load"] = {
            "ms": m["verify_after_load_ms"], "status": v.get("status"), "entries_checked": v.get("entriesChecked"),
            "loaded_funds": {f["fundCode"]: f["status"] for f in v.get("funds", [])
                             if f["fundCode"] in ("BENCH-1K", "BENCH-1M")}}
    except Exception:
        million["verify_after_load"] = {"ms": m["verify_after_load_ms"], "status": None,
                                        "http": m["verify_after_load_http"]}
    b1k = workloads.get("balance-1k-c%d" % conns)
    b1m = workloads.get("balance-1m-c%d" % conns)
    million["balance_p99_ratio_1m_over_1k"] = (round(b1m["latency_ms"]["p99"] / b1k["latency_ms"]["p99"], 3)
                                               if b1k and b1m and b1k["latency_ms"]["p99"] else None)
    # For reading the p99 ratio: p99 over a few seconds is sensitive to a single pause.
    million["balance_p50_ratio_1m_over_1k"] = (round(b1m["latency_ms"]["p50"] / b1k["latency_ms"]["p50"], 3)
                                               if b1k and b1m and b1k["latency_ms"]["p50"] else None)
    runs = []
    for line in open(os.path.join(work, "statements")):
        f = line.split()
        if len(f) != 9:
            continue
        run = {"name": f[0], "http": int(f[1]), "ttfb_s": float(f[2]), "total_s": float(f[3]), "bytes": int(f[4]),
               "lines": int(f[5]), "header_ok": f[6] == "1", "last_sequence": int(f[7]), "rows_expected": int(f[8])}
        # A header line, then one row per journal line; 2 lines per entry, so the last row is entry rows/2's.
        run["ok"] = (run["http"] == 200 and run["header_ok"] and run["lines"] == run["rows_expected"] + 1
                     and run["last_sequence"] == run["rows_expected"] // 2)
        runs.append(run)
    main_runs = [r for r in runs if r["name"].startswith("statement-csv-1m-")]
    times = sorted(r["total_s"] for r in main_runs)
    million["statement_csv"] = {
        "rows": main_runs[0]["rows_expected"] if main_runs else None, "runs": main_runs,
        "all_ok": bool(main_runs) and all(r["ok"] for r in main_runs),
        "max_s": times[-1] if times else None,
        "median_s": (times[len(times) // 2] if len(times) % 2 else (times[len(times) // 2 - 1] + times[len(times) // 2]) / 2)
        if times else None}
    million["statement_csv_full"] = next((r for r in runs if r["name"] == "statement-csv-full"), None)
    try:
        feed = json.load(open(os.path.join(work, "feed.json")))
        feed["events_in_db"] = m["events_in_db"]
        feed["complete"] = feed["events"] == m["events_in_db"] and feed["end_confirmed"]
        feed["rss"] = rss_in("feed-1m") if "feed-1m" in phases else None
        million["feed"] = feed
    except Exception:
        million["feed"] = None
    million["rss_during"] = {n: rss_in(n) for n in ("load-1m", "verify-after-load", "closing-2014", "fec-2014")
                             if n in phases}
    million["rss_during"]["statements"] = [rss_in(r["name"]) for r in runs if r["name"] in phases]

# --- a camt.053 file staged and reconciled (bench/run's statement step, issue #18)


def jstat_gc(text):
    """One `jstat -gc` snapshot ("header|values") as a dict of numbers, or None."""
    if not text or "|" not in text:
        return None
    head, values = text.split("|", 1)
    return dict(zip(head.split(), (number(v) for v in values.split())))


def number(text):
    """jstat's number, or None for its "-" (a collector that is not there)."""
    try:
        return float(text)
    except ValueError:
        return None


def gc_delta(a, b):
    if not a or not b:
        return None
    return {k: round(b[k] - a[k], 3) for k in ("YGC", "YGCT", "FGC", "FGCT", "GCT")
            if a.get(k) is not None and b.get(k) is not None}


bank_statement = None
bs_path = os.path.join(work, "bank-statement.json")
if os.path.exists(bs_path):
    bank_statement = json.load(open(bs_path))
    bank_statement["rss"] = {n[len("statement-"):]: rss_in(n) for n in ("statement-stage", "statement-reconcile",
                                                                      "statement-total") if n in phases}
    heap = {k: jstat_gc(v) for k, v in bank_statement.pop("heap_jstat_gc").items()}
    # The samples of `jstat -gc -t PID 250` during the step: the heap's use (KB) at its highest.
    used, old_used, head = [], [], None
    jpath = os.path.join(work, "statement-jstat")
    for line in (open(jpath, errors="replace") if os.path.exists(jpath) else []):
        f = line.split()
        if f and f[0] == "Timestamp":
            head = f
            continue
        if head and len(f) == len(head):
            r = dict(zip(head, map(number, f)))
            if None in (r.get("S0U"), r.get("S1U"), r.get("EU"), r.get("OU")):
                continue
            used.append(r["S0U"] + r["S1U"] + r["EU"] + r["OU"])
            old_used.append(r["OU"])
    capacity = heap.get("before") or {}
    bank_statement["heap"] = {
        "snapshots": heap,
        "gc_during_staging": gc_delta(heap.get("before"), heap.get("after_staging")),
        "gc_during_reconciling": gc_delta(heap.get("after_staging"), heap.get("after")),
        "samples": len(used),
        "max_used_mb": round(max(used) / 1024.0, 1) if used else None,
        "max_old_used_mb": round(max(old_used) / 1024.0, 1) if old_used else None,
        "old_capacity_mb": round(capacity["OC"] / 1024.0, 1) if "OC" in capacity else None,
        "young_capacity_mb": (round((capacity["EC"] + capacity["S0C"] + capacity["S1C"]) / 1024.0, 1)
                              if "EC" in capacity else None),
    }
    cpu = {}
    cpath = os.path.join(work, "cpu-statement")
    for line in (open(cpath) if os.path.exists(cpath) else []):
        name, *t = line.split()
        if len(t) == 6:
            svc, pg, busy = ((int(t[i + 3]) - int(t[i])) / HZ for i in range(3))
            cpu[name[len("statement-"):]] = {"service": round(svc, 2), "postgres": round(pg, 2),
                                             "other": round(max(busy - svc - pg, 0), 2)}
    bank_statement["cpu_s"] = cpu
    # The service's own time for each request, from its access log line ("POST /api/v1/... 201 4365.6 ms").
    for line in bank_statement["log"]:
        m = re.search(r'"message":"POST /api/v1/bank-statements(/[^/ ]+/reconciliation)? (\d{3}) ([0-9.]+) ms"', line)
        if m:
            bank_statement["reconcile" if m.group(1) else "stage"]["server_ms"] = float(m.group(3))
    sql = {}
    for step in ("stage", "reconcile"):
        path = os.path.join(work, "sql-statement-%s.tsv" % step)
        if not os.path.exists(path):
            continue
        rows = []
        for line in open(path, errors="replace"):
            f = line.rstrip("\n").split("\t", 3)
            if len(f) == 4:
                rows.append({"calls": int(f[0]), "rows": int(f[1]), "total_ms": float(f[2]), "query": f[3]})
        sql[step] = {"statements": sum(r["calls"] for r in rows),
                     "exec_ms": round(sum(r["total_ms"] for r in rows), 1),
                     "top_by_time": sorted(rows, key=lambda r: -r["total_ms"])[:8]}
    bank_statement["sql"] = sql

# --- targets (issue #20, and issue #7's that still stand)
all_rss = [kb for _, kb in samples]
max_rss = max(all_rss) if all_rss else None
single = [w["contributions_per_s"] for n, w in workloads.items() if w["workload"] == "contributions"]
imp = next((w for w in workloads.values() if w["workload"] == "import"), None)
c8 = next((w for w in workloads.values() if w["workload"] == "contributions" and w["connections"] == 8), None)
targets = []


def target(name, value, goal, ok):
    targets.append({"target": name, "value": value, "goal": goal, "met": ok})


if "32" in ratios:
    target("contributions at 32 clients / pgbench on contribution.sql (the SQL before issue #20) at 32",
           ratios["32"], ">= 0.9", ratios["32"] >= 0.9)
if "32" in ratios_now:
    target("contributions at 32 clients / pgbench on contribution-now.sql (the service's SQL) at 32",
           ratios_now["32"], ">= 0.6", ratios_now["32"] >= 0.6)
if c8:
    target("contributions p99 at 8 clients (ms)", c8["latency_ms"]["p99"], "<= 25", c8["latency_ms"]["p99"] <= 25)
for label, run_name, goal in (("balance read", "balance-c8", 0.2), ("contribution", "contributions-c8", 1.0)):
    per = (workloads.get(run_name) or {}).get("cpu_ms_per_answer")
    if per:
        target(f"service CPU ms per {label} ({run_name})", per["service"], f"<= {goal}", per["service"] <= goal)
target("startup to ready (ms)", meta["startup_ms"], "<= 2000", meta["startup_ms"] <= 2000)
if max_rss:
    target("max RSS under load (MB)", round(max_rss / 1024.0, 1), "<= 300", max_rss / 1024.0 <= 300)
if imp and single:
    ratio = round(imp["contributions_per_s"] / max(single), 2)
    target("import contributions/s / best single-request contributions/s", ratio, ">= 5", ratio >= 5)
if million:
    n, small = million["entries"], million["small_entries"]
    ratio = million["balance_p99_ratio_1m_over_1k"]
    if ratio is not None:
        target(f"balance p99 at {n:,} entries / at {small:,} entries ({million['connections']} connections)",
               ratio, "<= 1.5", ratio <= 1.5)
    a = workloads.get("asof-1m-c%d" % million["connections"])
    if a:
        target(f"asOf balance p99 at {n:,} entries (ms, {million['connections']} connections)",
               a["latency_ms"]["p99"], "<= 10", a["latency_ms"]["p99"] <= 10)
    st = million["statement_csv"]
    if st["max_s"] is not None:
        target(f"CSV statement of {st['rows']:,} lines, slowest of {len(st['runs'])} (s, {meta['java_opts']})",
               st["max_s"], "<= 15", st["all_ok"] and st["max_s"] <= 15)
    if million.get("closing_entries"):
        # Issue #17: a year of 1,000,000 entries closed in 60 s; a FEC of 1,000,000 lines in 20 s
        # (each loaded entry has 2 lines: the FEC of the year has twice as many, timed whole).
        target(f"closing a fiscal year of {million['closing_entries']:,} entries (s)",
               round(million["closing_ms"] / 1000.0, 1), "<= 60", million["closing_ms"] <= 60_000)
        lines = million["fec_records"] - 1
        per_million = million["fec_ms"] / 1000.0 * 1_000_000 / lines if lines > 0 else None
        target(f"FEC, s per 1,000,000 lines ({lines:,} lines in {million['fec_ms'] / 1000.0:.1f} s, "
               f"{meta['java_opts']})", round(per_million, 1) if per_million else None, "<= 20",
               per_million is not None and per_million <= 20)
if bank_statement:
    # Issue #18: a camt.053 file of 10,000 lines staged and confirmed in 10 s end to end, at -Xmx256m.
    bs = bank_statement
    target(f"camt.053 file of {bs['lines']:,} lines staged and reconciled, end to end (s, {meta['java_opts']})",
           round(bs["total_ms"] / 1000.0, 1), "<= 10", bool(bs["ok"]) and bs["total_ms"] <= 10_000)
# --- the console (issue #16): server time at 8 clients, and what a page weighs in a browser
page_weights = {}
for page in ("console-fund", "console-votes"):
    path = os.path.join(work, "page-weight-%s.json" % page)
    if os.path.exists(path):
        page_weights[page] = json.load(open(path))
BUCKET = re.compile(r'^http_server_requests_seconds_bucket\{(.*)\} ([0-9.eE+-]+)$')


def histogram(path):
    """{(uri, le in ms): count} of the answers, whatever their status (a slow failure counts
    against the target too), from one scrape of the service's /q/metrics."""
    counts = collections.Counter()
    for line in open(path):
        m = BUCKET.match(line.strip())
        if not m:
            continue
        labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        if labels.get("le") is None or labels.get("uri") is None:
            continue
        le = float("inf") if labels["le"] == "+Inf" else round(float(labels["le"]) * 1000)
        counts[(labels.get("uri"), le)] += float(m.group(2))
    return counts


def server_time(name):
    """The page's server time over a workload, from the service's histogram before and after it:
    the requests it answered, and the share within each bucket bound (ms). The page is the
    route that answered most in between."""
    before, after = (os.path.join(work, "histogram-%s-%s.txt" % (name, s)) for s in ("before", "after"))
    if not (os.path.exists(before) and os.path.exists(after)):
        return None
    delta = histogram(after)
    delta.subtract(histogram(before))
    totals = {uri: c for (uri, le), c in delta.items() if le == float("inf")}
    if not totals or max(totals.values()) <= 0:
        return None
    uri = max(totals, key=totals.get)
    total = totals[uri]
    within = {le: round(c / total, 5) for (u, le), c in sorted(delta.items()) if u == uri and le != float("inf")}
    return {"uri": uri, "requests": int(total), "share_within_ms": {str(le): share for le, share in within.items()},
            "p99_at_most_ms": next((le for le, share in within.items() if share >= 0.99), None)}


for n, w in workloads.items():
    if w["workload"].startswith("console") and not n.startswith("warmup"):
        # The target is the server's time: the service's own histogram says it (the share
        # of answers within 50 ms); wrk's p99, on the same two CPUs, adds wrk's own waits for a CPU.
        st = server_time(n)
        w["server_time"] = st
        share = st["share_within_ms"].get("50") if st is not None else None
        # Not read (no histogram, no answer): the row says so, as not met, rather than vanishing.
        target(f"{w['workload']} server time at {w['connections']} clients: answers within 50 ms "
               f"(the service's histogram; p99 <= 50 ms when >= 99 %)", round(100 * share, 2) if share is not None
               else None, ">= 99", share is not None and share >= 0.99)
        target(f"{w['workload']} p99 at {w['connections']} clients, as wrk sees it (ms)", w["latency_ms"]["p99"],
               "<= 50", w["latency_ms"]["p99"] <= 50)
for page, pw in page_weights.items():
    first, cached = round(pw["first_load_bytes"] / 1000.0, 1), round(pw["cached_load_bytes"] / 1000.0, 1)
    target(f"{page} page weight, first load (KB)", first, "<= 300", first <= 300)
    target(f"{page} page weight, assets cached (KB)", cached, "<= 30", cached <= 30)
total_non2xx = sum(w["non2xx"] for n, w in workloads.items())
total_socket = sum(sum(w["socket_errors"].values()) for w in workloads.values())

result = {
    "meta": meta,
    "startup_ms": meta["startup_ms"],
    "rss": {"idle_kb": meta.get("idle_rss_kb"), "max_kb": max_rss, "samples": len(all_rss), "interval_ms": 250},
    "workloads": workloads,
    "pgbench": pgbench,
    "pgbench_now": pgbench_now,
    "service_over_pgbench": ratios,
    "service_over_pgbench_now": ratios_now,
    "targets": targets,
    "page_weights": page_weights,
    "errors": {"non2xx_total": total_non2xx, "socket_errors_total": total_socket,
               "pgbench_failed_total": sum(p["failed"] or 0 for p in pgbench_runs().values())},
    "service_log": {"lines": len(log_lines), "error_lines": len(errors), "warn_lines": len(warns),
                    "first_errors": errors[:20], "first_warnings": warns[:20], "exception_lines": exceptions[:20]},
    "database": db,
    "million": million,
    "bank_statement": bank_statement,
}
os.makedirs(out_dir, exist_ok=True)
with open(os.path.join(out_dir, "latest.json"), "w") as f:
    json.dump(result, f, indent=2)
    f.write("\n")


def fmt(v, nd=1):
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:,.{nd}f}"
    return f"{v:,}" if isinstance(v, int) else str(v)


md = []
md.append("# Benchmark results")
md.append("")
md.append(f"{meta['date']}, commit `{meta['git_commit'][:12]}`{' (src/ or pom.xml modified)' if meta['git_dirty'] else ''}; "
          f"{meta['nproc']} CPUs ({meta['cpu_model']}), {round(meta['mem_total_kb'] / 1048576, 1)} GiB; "
          f"PostgreSQL {meta['pg_version']} ({meta['pg_settings']}); {meta['java_version']} {meta['java_opts']}; "
          f"wrk {meta['wrk_version']}, pgbench {meta['pgbench_version']}. {meta['seconds']} s per workload"
          f"{', %d s per window of the warm-up curve' % meta['curve_seconds'] if meta.get('curve_windows') else ''}, "
          f"{meta['warmup_seconds']} s warm-up, load spread over {meta['funds']} funds. "
          "Service, PostgreSQL, wrk and pgbench all share the same machine.")
md.append("")
md.append("| workload | conns | req/s | contributions/s | p50 ms | p99 ms | p99.9 ms | non-2xx | socket errors | max RSS MB |")
md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for n, w in workloads.items():
    if n.startswith("warmup"):
        continue
    cps = fmt(w.get('contributions_per_s'))
    if w.get('contributions_per_s_from_latency'):
        cps += f" ({fmt(w['contributions_per_s_from_latency'])} from latency)"
    md.append(f"| {w['workload']} | {w['connections']} | {fmt(w['rps'], 2)} | {cps} | "
              f"{fmt(w['latency_ms']['p50'], 2)} | {fmt(w['latency_ms']['p99'], 2)} | {fmt(w['latency_ms']['p99_9'], 2)} | "
              f"{w['non2xx']} | {sum(w['socket_errors'].values())} | "
              f"{fmt(round(w['rss']['max_kb'] / 1024.0, 1) if w['rss'] else None)} |")
md.append("")
md.append("| pgbench (the SQL of one contribution) | conns | tps | p50 ms | p99 ms | failed | service / pgbench |")
md.append("|---|---:|---:|---:|---:|---:|---:|")
for runs, over in ((pgbench, ratios), (pgbench_now, ratios_now)):
    for c, p in runs.items():
        md.append(f"| {p['script']} | {c} | {fmt(p['tps'])} | {fmt(p['latency_ms']['p50'], 2)} | "
                  f"{fmt(p['latency_ms']['p99'], 2)} | {p['failed']} | {fmt(over.get(c), 3)} |")
md.append("")
md.append("Where the two CPUs went (CPU seconds over the workload, and CPU milliseconds per 2xx answer or pgbench transaction):")
md.append("")
md.append("| run | service s | PostgreSQL s | other s | service ms/answer | PostgreSQL ms/answer | other ms/answer |")
md.append("|---|---:|---:|---:|---:|---:|---:|")
for name, run in list(workloads.items()) + list(pgbench_runs().items()):
    if name.startswith("warmup") or "cpu_s" not in run:
        continue
    per = run["cpu_ms_per_answer"] or {}
    md.append(f"| {name} | {fmt(run['cpu_s']['service'])} | {fmt(run['cpu_s']['postgres'])} | {fmt(run['cpu_s']['other'])} | "
              f"{fmt(per.get('service'), 2)} | {fmt(per.get('postgres'), 2)} | {fmt(per.get('other'), 2)} |")
md.append("")
sql_runs = [(n, r) for n, r in list(workloads.items()) + list(pgbench_runs().items())
            if not n.startswith("warmup") and r.get("sql")]
if sql_runs:
    md.append("SQL per answer (`pg_stat_statements` of the service's role over the workload, BEGIN and COMMIT "
              "included, so that statements are round trips; execution time is the database's own):")
    md.append("")
    md.append("| run | statements | statements/answer | execution ms/answer | connections opened |")
    md.append("|---|---:|---:|---:|---:|")
    for name, run in sql_runs:
        q = run["sql"]
        md.append(f"| {name} | {q['statements']:,} | {fmt(q['statements_per_answer'], 2)} | "
                  f"{fmt(q['exec_ms_per_answer'], 3)} | {q['connections_opened']:,} |")
    md.append("")
    for name, run in sql_runs:
        md.append(f"<details><summary>{name}: the statements run most</summary>")
        md.append("")
        md.append("| per answer | rows | ms | statement |")
        md.append("|---:|---:|---:|---|")
        for r in run["sql"]["top"]:
            text = r["query"] if len(r["query"]) <= 160 else r["query"][:157] + "..."
            md.append(f"| {fmt(r['calls_per_answer'], 2)} | {r['rows']:,} | {fmt(r['total_ms'], 1)} | `{text.replace('|', '¦')}` |")
        md.append("")
        md.append("</details>")
        md.append("")
md.append("| target (issues #7, #16, #18, #20) | value | goal | met |")
md.append("|---|---:|---:|---|")
for t in targets:
    md.append(f"| {t['target']} | {fmt(t['value'], 2) if isinstance(t['value'], float) else fmt(t['value'])} | {t['goal']} | {'yes' if t['met'] else '**no**'} |")
md.append("")
md.append(f"Startup: {meta['startup_ms']} ms from process start to /q/health/ready 200 (Quarkus: started in "
          f"{meta.get('quarkus_started_s')} s). RSS idle after start: {fmt(round((meta.get('idle_rss_kb') or 0) / 1024.0, 1))} MB; "
          f"max over the run: {fmt(round((max_rss or 0) / 1024.0, 1))} MB ({len(all_rss)} samples every 250 ms).")
md.append("")
md.append(f"Non-2xx answers in total: {total_non2xx}; socket errors: {total_socket}; service log: {len(errors)} ERROR, "
          f"{len(warns)} WARN lines. Journal entries after the run: {db['journal_entries']}. "
          + (f"Ledger verification of the service's funds: {'all INTACT' if db['verification']['service_funds_intact'] else json.dumps(db['verification']['service_funds'])}"
           " (pgbench's PGB-* funds are BROKEN by design: its scripts do not compute the real hash)."
           if db["verification"] else "Ledger verification: not available."))
if page_weights:
    md.append("")
    md.append("What the console's pages weigh in a browser (`bench/lib/page_weight.py`: status line, headers and body "
              "as sent, compressed where the service compresses; cached: the page again, and a conditional request "
              "for each asset the browser may not reuse without asking):")
    md.append("")
    md.append("| page | resource | encoding | Cache-Control | first load bytes | cached bytes |")
    md.append("|---|---|---|---|---:|---:|")
    for page, pw in page_weights.items():
        for r in pw["resources"]:
            md.append(f"| {pw['path']} | {r['url']} | {r.get('content_encoding') or 'none'} | {r.get('cache_control') or '–'} | "
                      f"{r['bytes']:,} | {r['cached_bytes']:,} |")
        md.append(f"| {pw['path']} | **total** | | | **{pw['first_load_bytes']:,}** | **{pw['cached_load_bytes']:,}** |")
if million:
    md.append("")
    md.append(f"**Long history** (fund BENCH-1M, {million['entries']:,} entries of 2 lines, recorded "
              f"{million['history_from'][:10]}..{million['history_to'][:10]}; BENCH-1K, {million['small_entries']:,} "
              f"entries), bulk-loaded by `src/tools/java/org/solidarityfunds/tools/bench/Load.java` in mode `{million['load_mode']}`:")
    md.append("")
    md.append("| fund | entries | load s | entries/s | COPY s | checks s |")
    md.append("|---|---:|---:|---:|---:|---:|")
    for code, l in million["load"].items():
        md.append(f"| {code} | {l['entries']:,} | {fmt(l['seconds'])} | {fmt(l['entries_per_s'], 0)} | "
                  f"{fmt(l['copy_s'])} | {fmt(l['checks_s'])} |")
    va = million["verify_after_load"]
    md.append("")
    md.append(f"Then VACUUM (ANALYZE) {fmt(million['vacuum_analyze_ms'] / 1000.0)} s, CHECKPOINT "
              f"{fmt(million['checkpoint_ms'] / 1000.0)} s. Ledger verification through the API right after the load: "
              + (f"{va['status']} ({json.dumps(va.get('loaded_funds'))}), {va['entries_checked']:,} entries checked in "
                 f"{fmt(va['ms'] / 1000.0)} s." if va.get("status") else
                 f"no answer (HTTP {va.get('http')}) after {fmt(va['ms'] / 1000.0)} s."))
    md.append("")
    md.append(f"Balance p99 BENCH-1M / BENCH-1K: {fmt(million['balance_p99_ratio_1m_over_1k'], 2)} "
              f"(p50: {fmt(million['balance_p50_ratio_1m_over_1k'], 2)}; rows balance-1k, balance-1m and asof-1m "
              "of the workload table above).")
    md.append("")
    md.append("| CSV statement of BENCH-1M | HTTP | rows expected | lines (with header) | MB | first byte s | total s | checked |")
    md.append("|---|---:|---:|---:|---:|---:|---:|---|")
    for r in million["statement_csv"]["runs"] + ([million["statement_csv_full"]] if million["statement_csv_full"] else []):
        md.append(f"| {r['name']} | {r['http']} | {r['rows_expected']:,} | {r['lines']:,} | {fmt(r['bytes'] / 1e6)} | "
                  f"{fmt(r['ttfb_s'], 2)} | {fmt(r['total_s'], 2)} | {'yes' if r['ok'] else '**no**'} |")
    st = million["statement_csv"]
    md.append("")
    md.append(f"Statement of {fmt(st['rows'])} lines: median {fmt(st['median_s'], 2)} s, slowest {fmt(st['max_s'], 2)} s.")
    if million.get("closing_entries"):
        rss = million["rss_during"]
        md.append("")
        md.append(f"Fiscal year 2014 (BENCH-2014, {million['closing_entries']:,} entries, and BENCH-1M's few of late "
                  f"December): confirmation of its closing {fmt(million['closing_ms'] / 1000.0)} s; its FEC, "
                  f"{million['fec_records'] - 1:,} lines and {fmt(million['fec_bytes'] / 1e6)} MB, downloaded in "
                  f"{fmt(million['fec_ms'] / 1000.0)} s and checked against its ETag. Service RSS, max: "
                  + ", ".join(f"{n} {fmt(r['max_kb'] / 1024.0)} MB" for n, r in rss.items() if r and n in ("closing-2014", "fec-2014"))
                  + ".")
    fd = million["feed"]
    if fd:
        md.append("")
        md.append("| change feed, one client, limit 200 | pages | events | events in the database | s | events/s | "
                  "page p50 ms | page p99 ms | page max ms | reached the end |")
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        md.append(f"| GET /api/v1/events | {fd['pages']:,} | {fd['events']:,} | {fd['events_in_db']:,} | "
                  f"{fmt(fd['seconds'])} | {fmt(fd['events_per_s'], 0)} | {fmt(fd['page_ms']['p50'], 2)} | "
                  f"{fmt(fd['page_ms']['p99'], 2)} | {fmt(fd['page_ms']['max'], 1)} | "
                  f"{'yes, all counted' if fd['complete'] else '**no**'} |")
if bank_statement:
    bs = bank_statement
    st, rc, hp = bs["stage"], bs["reconcile"], bs["heap"]
    md.append("")
    md.append(f"**Bank statement** (fund {bs['fund']}, {bs['donors']} donors each with an IBAN and a pledge): a camt.053.001.08 "
              f"file of {bs['lines']:,} credit lines, {fmt(bs['file']['bytes'] / 1e6)} MB ({bs['file']['by_iban']:,} paid from "
              f"a donor's IBAN, {bs['file']['by_reference']:,} naming a pledge's deliberation), staged, then every proposal "
              f"accepted (`acceptProposals` {bs['accept_proposals']}); proposals {json.dumps(bs['proposals'])}:")
    md.append("")
    md.append("| step | HTTP | s | service CPU s | PostgreSQL CPU s | SQL statements | SQL exec s | young GCs | full GCs | GC s | max RSS MB |")
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, step, gc in (("stage", st, hp["gc_during_staging"]), ("reconcile", rc, hp["gc_during_reconciling"])):
        c, q, r = bs["cpu_s"].get(name, {}), bs["sql"].get(name, {}), bs["rss"].get(name)
        md.append(f"| {name} | {step['http']} | {fmt(step['ms'] / 1000.0, 2)} | {fmt(c.get('service'))} | {fmt(c.get('postgres'))} | "
                  f"{fmt(q.get('statements'))} | {fmt(q['exec_ms'] / 1000.0, 2) if q else '–'} | "
                  f"{fmt(int(gc['YGC']) if gc else None)} | {fmt(int(gc['FGC']) if gc else None)} | "
                  f"{fmt(gc['GCT'], 2) if gc else '–'} | {fmt(round(r['max_kb'] / 1024.0, 1) if r else None)} |")
    md.append(f"| **total** | | **{fmt(bs['total_ms'] / 1000.0, 2)}** | | | | | | | | |")
    md.append("")
    md.append(f"Answers: {rc.get('contributions')} contributions, {((rc.get('lines') or {}).get('open'))} lines left open; "
              f"database: {bs['database']['contributions']:,} contributions of {bs['database']['contributions_minor']:,} "
              f"minor units (file: {bs['file']['credits_minor']:,}), pledges received {bs['database']['pledges_received_minor']:,}; "
              f"{'all as expected' if bs['ok'] else '**not as expected**'}. Service RSS before "
              f"{fmt(bs['rss_kb']['before'] / 1024.0)} MB, after staging {fmt(bs['rss_kb']['after_staging'] / 1024.0)} MB, "
              f"after {fmt(bs['rss_kb']['after'] / 1024.0)} MB. Heap (jstat, every 250 ms): at most "
              f"{fmt(hp['max_used_mb'])} MB used (garbage in the young generation included), old generation at most {fmt(hp['max_old_used_mb'])} MB of "
              f"{fmt(hp['old_capacity_mb'])} MB. OutOfMemoryError in the service's log during the step: "
              f"{bs['out_of_memory_errors']}.")
    md.append("")
    md.append(f"The service's own time (its access log): staging {fmt(st.get('server_ms'))} ms, reconciling "
              f"{fmt(rc.get('server_ms'))} ms.")
    for label, step in (("Staging", st), ("Reconciling", rc)):
        if step.get("problem"):
            md.append("")
            md.append(f"{label} answered {step['http']}: `{json.dumps(step['problem'])[:400]}`")

if errors:
    md.append("")
    md.append("First ERROR lines of the service's log:")
    md.append("")
    md.append("```")
    md.extend(e[:400] for e in errors[:10])
    md.append("```")
with open(os.path.join(out_dir, "latest.md"), "w") as f:
    f.write("\n".join(md) + "\n")
print("\n".join(md))
