#!/usr/bin/env python3
"""Turns bench/run's raw outputs (its working directory) into latest.json and latest.md.

    python3 bench/lib/report.py WORK_DIR RESULTS_DIR
"""
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
    elif kind == "balance":
        r["reads_per_s"] = round(reads / r["duration_s"], 2)
    elif kind == "mixed":
        r["reads_per_s"] = round(reads / r["duration_s"], 2)
        r["contributions_per_s"] = round(created / r["duration_s"], 2)
    r["rss"] = rss_in(name)
    workloads[name] = r

# --- pgbench runs
pgbench = {}
for name in phases:
    if not name.startswith("pgbench-c"):
        continue
    c = int(name[len("pgbench-c"):])
    path = os.path.join(work, "pgbench-c%d.out" % c)
    text = open(path).read()
    tps = re.search(r"^tps = ([0-9.]+) \(without initial connection time\)", text, re.M)
    avg = re.search(r"^latency average = ([0-9.]+) ms", text, re.M)
    processed = re.search(r"^number of transactions actually processed: (\d+)", text, re.M)
    failed = re.search(r"^number of failed transactions: (\d+)", text, re.M)
    lat = []
    failed_in_log = 0
    for log_path in glob.glob(os.path.join(work, "pgblog-c%d.*" % c)):
        for line in open(log_path):
            f = line.split()
            if len(f) >= 3:
                if f[2].isdigit():
                    lat.append(int(f[2]))
                else:
                    failed_in_log += 1
    lat.sort()
    pgbench[str(c)] = {
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

ratios = {}
for c, p in pgbench.items():
    w = workloads.get("contributions-c" + c)
    if w and p["tps"]:
        ratios[c] = round(w["contributions_per_s"] / p["tps"], 3)

# --- service log
log_lines = open(os.path.join(work, "service.log"), errors="replace").read().splitlines()
level = re.compile(r"^\S+ \S+ (ERROR|WARN)\b")
errors = [l for l in log_lines if level.match(l) and level.match(l).group(1) == "ERROR"]
warns = [l for l in log_lines if level.match(l) and level.match(l).group(1) == "WARN"]
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

# --- targets (issue #7)
all_rss = [kb for _, kb in samples]
max_rss = max(all_rss) if all_rss else None
single = [w["contributions_per_s"] for n, w in workloads.items() if w["workload"] == "contributions"]
imp = next((w for w in workloads.values() if w["workload"] == "import"), None)
c8 = next((w for w in workloads.values() if w["workload"] == "contributions" and w["connections"] == 8), None)
targets = []


def target(name, value, goal, ok):
    targets.append({"target": name, "value": value, "goal": goal, "met": ok})


if "32" in ratios:
    target("contributions at 32 clients / pgbench at 32 clients", ratios["32"], ">= 0.5", ratios["32"] >= 0.5)
if c8:
    target("contributions p99 at 8 clients (ms)", c8["latency_ms"]["p99"], "<= 25", c8["latency_ms"]["p99"] <= 25)
target("startup to ready (ms)", meta["startup_ms"], "<= 3000", meta["startup_ms"] <= 3000)
if max_rss:
    target("max RSS under load (MB)", round(max_rss / 1024.0, 1), "<= 300", max_rss / 1024.0 <= 300)
if imp and single:
    ratio = round(imp["contributions_per_s"] / max(single), 2)
    target("import contributions/s / best single-request contributions/s", ratio, ">= 5", ratio >= 5)
total_non2xx = sum(w["non2xx"] for n, w in workloads.items())
total_socket = sum(sum(w["socket_errors"].values()) for w in workloads.values())

result = {
    "meta": meta,
    "startup_ms": meta["startup_ms"],
    "rss": {"idle_kb": meta.get("idle_rss_kb"), "max_kb": max_rss, "samples": len(all_rss), "interval_ms": 250},
    "workloads": workloads,
    "pgbench": pgbench,
    "service_over_pgbench": ratios,
    "targets": targets,
    "errors": {"non2xx_total": total_non2xx, "socket_errors_total": total_socket,
               "pgbench_failed_total": sum(p["failed"] or 0 for p in pgbench.values())},
    "service_log": {"lines": len(log_lines), "error_lines": len(errors), "warn_lines": len(warns),
                    "first_errors": errors[:20], "first_warnings": warns[:20], "exception_lines": exceptions[:20]},
    "database": db,
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
          f"wrk {meta['wrk_version']}, pgbench {meta['pgbench_version']}. {meta['seconds']} s per workload, "
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
md.append("| pgbench (same SQL as one contribution) | conns | tps | p50 ms | p99 ms | failed | service / pgbench |")
md.append("|---|---:|---:|---:|---:|---:|---:|")
for c, p in pgbench.items():
    md.append(f"| contribution.sql | {c} | {fmt(p['tps'])} | {fmt(p['latency_ms']['p50'], 2)} | {fmt(p['latency_ms']['p99'], 2)} | "
              f"{p['failed']} | {fmt(ratios.get(c), 3)} |")
md.append("")
md.append("| target (issue #7) | value | goal | met |")
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
           " (pgbench's PGB-* funds are BROKEN by design: contribution.sql does not compute the real hash)."
           if db["verification"] else "Ledger verification: not available."))
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
