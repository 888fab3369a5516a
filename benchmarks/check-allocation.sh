#!/usr/bin/env bash
# Real-time check: process() of every effect, of the mastering chain, of the loudness and
# true-peak meters, of the resampler and of the spectrum analyzer, and the FFT, allocate nothing.
# Runs their JMH benchmarks with JMH's GC profiler (-prof gc) and fails if any of them allocates
# 2 bytes or more per process() call on average.
#
# Why per call, and why blocks of 64 frames: gc.alloc.rate.norm is per JMH op, and an op here is
# one frame (16384 of them per invocation), so an allocation per process() call would be diluted
# to a fraction of a byte per op. Every Java object takes at least 16 bytes, so an allocation in
# every call (or in one call of 8) shows as >= 2 B per call. JMH's own bookkeeping allocates a
# few KiB per iteration; spread over the calls of an iteration it stays below 1 B per call
# when calls are many, hence the smallest block size. Other parameters can be passed on, e.g.
#
#   benchmarks/check-allocation.sh
#   benchmarks/check-allocation.sh -p channels=1,2,6
#
# Needs benchmarks/target/benchmarks.jar: mvn -B -q package -DskipTests
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/benchmarks.jar"
[[ -f "$jar" ]] || { echo "missing $jar: run 'mvn -B -q package -DskipTests' first" >&2; exit 2; }
java_bin="${JAVA:-java}"

# Frames (FFT: samples) per benchmark invocation: EffectBenchmark.FRAMES, shared by every class here.
frames_per_invocation=16384
# Bytes per process() call at or above which a benchmark fails.
limit=2

pattern='io\.mixai\.benchmarks\.(Eq|Compressor|Limiter|Reverb|ConvolutionReverb|MasteringChain|LoudnessMeter|Resampler|SpectrumAnalyzer|Fft)Benchmark\.'
csv="$(mktemp --suffix=.csv)"
log="$(mktemp --suffix=.log)"
trap 'rm -f "$csv" "$log"' EXIT

echo "running the allocation check (JMH -prof gc); log in $log" >&2
"$java_bin" -jar "$jar" "$pattern" -prof gc -f 1 -wi 2 -w 1s -i 2 -r 2s \
    -p blockSize=64 -p size=2048 -rf csv -rff "$csv" "$@" >"$log" 2>&1 || {
    tail -40 "$log" >&2
    echo "JMH failed" >&2
    exit 2
}

awk -F, -v frames="$frames_per_invocation" -v limit="$limit" '
function unq(s) { gsub(/"/, "", s); gsub(/^[ \t\r]+|[ \t\r]+$/, "", s); return s }
NR == 1 { for (i = 1; i <= NF; i++) { h[i] = unq($i); sub(/^Param: /, "", h[i]) } next }
{
    name = unq($1)
    if (name !~ /:gc\.alloc\.rate\.norm$/) next
    sub(/:gc\.alloc\.rate\.norm$/, "", name); sub(/^io\.mixai\.benchmarks\./, "", name)
    params = ""; block = 0
    for (i = 8; i <= NF; i++) {
        v = unq($i)
        if (v == "") continue
        params = params " " h[i] "=" v
        if (h[i] == "blockSize" || h[i] == "size") block = v + 0
    }
    calls = block > 0 ? int((frames + block - 1) / block) : 1   # process() (FFT: forward) calls per invocation
    perCall = ($5 + 0) * frames / calls
    status = perCall < limit ? "ok" : "ALLOCATES"
    if (status != "ok") failed++
    n++
    printf "%-10s %-44s %-36s %10.4f B/call\n", status, name, params, perCall
}
END {
    if (n == 0) { print "no gc.alloc.rate.norm rows found" > "/dev/stderr"; exit 2 }
    printf "%d configurations checked; %d allocate %s B or more per call\n", n, failed + 0, limit
    exit failed > 0 ? 1 : 0
}' "$csv"
