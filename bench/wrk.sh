#!/usr/bin/env bash
# Load test of the list endpoint with wrk (Debian package "wrk"), next to a
# trivial handler that returns a fixed body of the same size, in one run.
# Usage: bench/wrk.sh [seconds]   (default 20). Needs wrk and curl.
# Everything runs on 127.0.0.1 and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-20}"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

go build -o "$work/naikkelas" ./cmd/naikkelas
go build -o "$work/fixedbody" ./bench/fixedbody
"$work/naikkelas" serve --demo --db "$work/demo.db" --addr 127.0.0.1:18080 >"$work/serve.log" 2>&1 &
for _ in $(seq 1 120); do curl -fs http://127.0.0.1:18080/healthz >/dev/null 2>&1 && break; sleep 1; done
token="$("$work/naikkelas" token create --db "$work/demo.db" --username admin)"
url='http://127.0.0.1:18080/api/v1/businesses?district=36.04.15&per_page=25'
size="$(curl -fs -H "Authorization: Bearer $token" "$url" | wc -c)"
"$work/fixedbody" -addr 127.0.0.1:18081 -size "$size" &
sleep 1
echo "cores: $(nproc); body: $size bytes; duration: ${secs}s; 2 threads, 32 connections"
echo "== naikkelas GET $url"
wrk -t2 -c32 -d"${secs}s" --latency -H "Authorization: Bearer $token" "$url" | tee "$work/a.txt"
echo "== fixed body of the same size"
wrk -t2 -c32 -d"${secs}s" --latency http://127.0.0.1:18081/ | tee "$work/b.txt"
a="$(awk '/Requests\/sec/ {print $2}' "$work/a.txt")"
b="$(awk '/Requests\/sec/ {print $2}' "$work/b.txt")"
echo "ratio naikkelas/baseline requests per second: $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", a/b}')"
