#!/usr/bin/env python3
"""Where the service's CPU goes in a JFR recording of one workload (bench/run, BENCH_JFR=1).

  python3 bench/lib/jfr_profile.py WORKDIR/jfr-contributions-c8.jfr [TOP]

Reads the execution samples (`jfr print --json`, the JDK's own tool) and prints two markdown
tables: each sample attributed to the component of its innermost frame that is not the JDK's
own (java.*, jdk.*, sun.*), with the share of samples that have the component anywhere on
their stack; and each sample attributed to its innermost frame of the service's own code
(org.solidarityfunds, generated proxies left out), with the line: where in the service the
time goes, the libraries it calls included.
"""
import collections
import json
import subprocess
import sys

COMPONENTS = [
    ("org.hibernate", "Hibernate ORM"), ("io.quarkus.hibernate", "Hibernate ORM"),
    ("org.postgresql", "JDBC driver"), ("io.agroal", "Agroal pool"), ("io.quarkus.agroal", "Agroal pool"),
    ("com.arjuna", "Narayana transactions"), ("io.narayana", "Narayana transactions"),
    ("io.quarkus.narayana", "Narayana transactions"),
    ("org.jboss.resteasy.reactive", "RESTEasy Reactive"), ("io.quarkus.resteasy.reactive", "RESTEasy Reactive"),
    ("io.quarkus.vertx", "Vert.x and Netty"), ("io.vertx", "Vert.x and Netty"), ("io.netty", "Vert.x and Netty"),
    ("io.smallrye.jwt", "JWT"), ("org.jose4j", "JWT"), ("io.quarkus.smallrye.jwt", "JWT"),
    ("io.quarkus.security", "Quarkus security"),
    ("com.fasterxml.jackson", "Jackson (JSON)"), ("io.quarkus.jackson", "Jackson (JSON)"),
    ("org.eclipse.parsson", "JSON-P (log lines)"),
    ("io.micrometer", "Micrometer"), ("io.quarkus.micrometer", "Micrometer"),
    ("org.jboss.logmanager", "logging"), ("org.jboss.logging", "logging"), ("io.quarkus.logging", "logging"),
    ("io.quarkus.arc", "Arc (CDI)"),
    ("org.solidarityfunds", "the service's own code"),
    ("io.smallrye", "SmallRye, other"), ("io.quarkus", "Quarkus, other"), ("org.jboss", "JBoss, other"),
]
JDK = ("java.", "jdk.", "sun.", "javax.")


def component(frame):
    for prefix, name in COMPONENTS:
        if frame.startswith(prefix):
            return name
    return frame.rsplit(".", 2)[0]


def samples(path):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "200", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    for event in json.loads(out)["recording"]["events"]:
        stack = event["values"].get("stackTrace")
        if stack:
            yield stack["frames"]


def main(path, top):
    own = collections.Counter()
    anywhere = collections.Counter()
    sites = collections.Counter()
    n = 0
    for frames in samples(path):
        n += 1
        names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
        innermost = next((name for name in names if not name.startswith(JDK)), None)
        own[component(innermost) if innermost else "the JDK alone"] += 1
        for name in {component(name) for name in names if not name.startswith(JDK)}:
            anywhere[name] += 1
        site = "(no frame of the service: HTTP, the event loop)"
        for f in frames:
            type_name = f["method"]["type"]["name"].replace("/", ".")
            simple = type_name.rsplit(".", 1)[-1]
            if type_name.startswith("org.solidarityfunds") and "_" not in simple and "$$" not in f["method"]["name"]:
                site = f"{simple}.{f['method']['name']}:{f.get('lineNumber')}"
                break
        sites[site] += 1
    if n == 0:
        sys.exit(f"{path}: no execution sample")
    print(f"{path}: {n} execution samples\n")
    print("| component (innermost frame not the JDK's) | samples | share | on the stack |")
    print("|---|---:|---:|---:|")
    for name, count in own.most_common(top):
        print(f"| {name} | {count} | {100 * count / n:.1f} % | {100 * anywhere.get(name, 0) / n:.1f} % |")
    print("\n| the service's innermost frame (line) | samples | share |")
    print("|---|---:|---:|")
    for name, count in sites.most_common(top):
        print(f"| `{name}` | {count} | {100 * count / n:.1f} % |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25)
