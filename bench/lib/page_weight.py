#!/usr/bin/env python3
"""What a console page weighs in a browser, on its first load and once its assets are cached.

Usage: page_weight.py BASE_URL TOKEN PATH  ->  one JSON object on stdout.

Fetches PATH as a browser would (Accept-Encoding: gzip), then every stylesheet, script and icon
the page names, and counts the bytes that travel from the service: status line, headers and the
body as sent (compressed when the service compresses it). The cached load is the page again
(console pages are `no-cache`: always fetched) plus, for each asset, nothing if its
Cache-Control lets the browser reuse it without asking (max-age > 0, no no-cache), else the
answer to a conditional request (If-None-Match / If-Modified-Since: a 304 without a body).
"""
import http.client
import json
import re
import sys
import urllib.parse

base, token, path = sys.argv[1], sys.argv[2], sys.argv[3]
origin = urllib.parse.urlsplit(base)


def fetch(target, extra=None):
    """(status, headers dict lower-cased, body bytes as sent, bytes on the wire)."""
    conn = http.client.HTTPConnection(origin.hostname, origin.port, timeout=30)
    headers = {"Accept-Encoding": "gzip, deflate", "Authorization": "Bearer " + token}
    headers.update(extra or {})
    conn.request("GET", target, headers=headers)
    response = conn.getresponse()
    body = response.read()  # http.client does not decompress: these are the bytes sent
    raw = response.getheaders()
    conn.close()
    status_line = len(f"HTTP/1.1 {response.status} {response.reason}\r\n")
    header_bytes = status_line + sum(len(k) + 2 + len(v) + 2 for k, v in raw) + 2
    return response.status, {k.lower(): v for k, v in raw}, body, header_bytes + len(body)


def decoded(headers, body):
    if headers.get("content-encoding") == "gzip":
        import gzip
        return gzip.decompress(body)
    if headers.get("content-encoding") == "deflate":
        import zlib
        return zlib.decompress(body)
    return body


def reusable_without_asking(cache_control):
    directives = [d.strip().lower() for d in (cache_control or "").split(",")]
    if "no-cache" in directives or "no-store" in directives:
        return False
    ages = [int(d.split("=", 1)[1]) for d in directives if d.startswith("max-age=") and d.split("=", 1)[1].isdigit()]
    return bool(ages) and ages[0] > 0


status, headers, body, page_bytes = fetch(path)
if status != 200:
    sys.exit(f"{path} answered {status}")
html = decoded(headers, body).decode("utf-8")
assets = sorted(set(re.findall(r'<(?:link|script)\b[^>]*?\b(?:href|src)="(/[^"]+)"', html)))
resources = [{"url": path, "status": status, "bytes": page_bytes, "html_bytes_uncompressed": len(html.encode("utf-8")),
              "content_encoding": headers.get("content-encoding"), "cache_control": headers.get("cache-control"),
              "cached_bytes": page_bytes}]
for url in assets:
    a_status, a_headers, a_body, a_bytes = fetch(url)
    if a_status != 200:
        sys.exit(f"{url} (named by {path}) answered {a_status}")
    cache_control = a_headers.get("cache-control")
    if reusable_without_asking(cache_control):
        cached = 0
    else:
        conditions = {}
        if "etag" in a_headers:
            conditions["If-None-Match"] = a_headers["etag"]
        if "last-modified" in a_headers:
            conditions["If-Modified-Since"] = a_headers["last-modified"]
        cached = fetch(url, conditions)[3]
    resources.append({"url": url, "status": a_status, "bytes": a_bytes, "content_encoding": a_headers.get("content-encoding"),
                      "cache_control": cache_control, "cached_bytes": cached})
print(json.dumps({"path": path, "first_load_bytes": sum(r["bytes"] for r in resources),
                  "cached_load_bytes": sum(r["cached_bytes"] for r in resources), "resources": resources}))
