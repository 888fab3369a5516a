#!/usr/bin/env bash
# Whole jobs, side by side: mixai against sox, ffmpeg and libebur128 on the same files.
#
#   benchmarks/compare-tools.sh [--runs N] [--out FILE] [--no-hour]
#
# Times each job N times (default 5), tools interleaved run by run, with /usr/bin/time
# (elapsed wall time and max RSS, whole process: JVM start-up included for mixai), and writes a
# markdown table of medians and ratios to FILE (default benchmarks/RESULTS.md) with the machine
# and the load average. Tools that are not installed are left out. Inputs are made in a temp
# dir from the corpus mixes (MIXAI_CORPUS, default ../shared/corpus next to the repository),
# or synthesised with sox when there is no corpus.
#
# Needs: java, sox, /usr/bin/time (Debian package 'time'); optional: ffmpeg, gcc with
# libebur128-dev and libsndfile1-dev. Build first: mvn -B -q package -DskipTests
set -euo pipefail

runs=5
hour=1
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/RESULTS.md"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --no-hour) hour=0; shift ;;
        *) echo "usage: $0 [--runs N] [--out FILE] [--no-hour]" >&2; exit 2 ;;
    esac
done

cli_jar="$root/mixai-examples/target/mixai.jar"
bench_jar="$here/target/benchmarks.jar"
for jar in "$cli_jar" "$bench_jar"; do
    [[ -f "$jar" ]] || { echo "missing $jar: run 'mvn -B -q package -DskipTests' first" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "need /usr/bin/time (apt-get install -y time)" >&2; exit 2; }
command -v sox >/dev/null || { echo "need sox to make the inputs (apt-get install -y sox)" >&2; exit 2; }
have() { command -v "$1" >/dev/null 2>&1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/mixai-compare.XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "work dir $work" >&2

# ---------------------------------------------------------------- inputs
corpus="${MIXAI_CORPUS:-$root/../shared/corpus}"
mapfile -t sources < <(ls "$corpus"/data/raw/tracks/*/mix.wav "$corpus"/references/*_master.wav 2>/dev/null || true)
if [[ ${#sources[@]} -gt 0 ]]; then
    # 44.1 kHz 16-bit stereo music, 20 s each: concatenate, then loop
    sox "${sources[@]}" "$work/base.wav"
    input_note="the corpus mixes (${#sources[@]} files of 20 s, 44.1 kHz 16-bit stereo) concatenated and looped"
else
    sox -n -r 44100 -b 16 -c 2 "$work/base.wav" synth 60 pinknoise tremolo 2 60 gain -n -16
    input_note="60 s of modulated pink noise (no corpus found), looped"
fi
base_s=$(soxi -D "$work/base.wav")
loops() { awk -v t="$1" -v b="$base_s" 'BEGIN { n = int(t / b); if (n * b < t) n++; print n - 1 }'; }
sox "$work/base.wav" "$work/song.wav" repeat "$(loops 210)" trim 0 210        # 3.5 min
sox "$work/base.wav" "$work/ten.wav" repeat "$(loops 600)" trim 0 600         # 10 min
if [[ $hour == 1 ]]; then
    sox "$work/ten.wav" "$work/hour.wav" repeat 5                             # 60 min
fi

# ---------------------------------------------------------------- tools
ebur="$work/ebur128-loudness"
if have gcc && gcc -O2 -o "$ebur" "$here/tools/ebur128-loudness.c" -lebur128 -lsndfile -lm 2>"$work/gcc.log"; then
    have_ebur=1
else
    have_ebur=0
    echo "libebur128 program not built (gcc or libebur128-dev/libsndfile1-dev missing)" >&2
fi
cli_commands="$(java -jar "$cli_jar" --help 2>/dev/null || true)"
has_command() { grep -Eq "^ +$1( |$)" <<< "$cli_commands"; }
if has_command render-chain; then
    render_chain=(java -jar "$cli_jar" render-chain --bits=16)
    render_note="\`mixai render-chain --bits=16 IN SETTINGS.json OUT\`"
else
    render_chain=(java -cp "$bench_jar" io.mixai.benchmarks.tools.RenderChain)
    render_note="\`io.mixai.benchmarks.tools.RenderChain\` (benchmarks jar; streams WavReader → EffectChain → WavWriter)"
fi
# The SDK-level stand-in: gain to the target, then the true-peak limiter (ffmpeg loudnorm's job).
normalise=(java -cp "$bench_jar" io.mixai.benchmarks.tools.MasterToTarget)
if has_command master; then
    master=(java -jar "$cli_jar" master)
    master_args=(--preset streaming --bits=16)
    master_note="\`mixai master IN OUT --preset streaming --bits=16\` (the mastering engine: analysis, EQ, dynamics, limiter, to -14 LUFS / -1 dBTP)"
else
    master=("${normalise[@]}")
    master_args=(-14 -1)
    master_note="(no \`mixai master\` in this build: the stand-in below)"
fi
hour_runs=2

# The EQ + compressor + limiter chain, the same settings for every tool as far as each allows.
cat > "$work/chain.json" <<'JSON'
{
  "mixai_chain": 1,
  "effects": [
    {"type": "eq", "params": {
      "band1_type": "low_cut", "band1_freq_hz": 40, "band1_slope_db_oct": 12,
      "band2_type": "low_shelf", "band2_freq_hz": 120, "band2_gain_db": 3, "band2_q": 0.707,
      "band3_type": "peak", "band3_freq_hz": 400, "band3_gain_db": -2, "band3_q": 1.5,
      "band4_type": "peak", "band4_freq_hz": 2500, "band4_gain_db": 2, "band4_q": 3,
      "band5_type": "high_shelf", "band5_freq_hz": 9000, "band5_gain_db": -2, "band5_q": 0.707,
      "band6_type": "high_cut", "band6_freq_hz": 18000, "band6_slope_db_oct": 12}},
    {"type": "compressor", "params": {"threshold_db": -20, "ratio": 4, "knee_db": 6, "attack_ms": 5,
      "release_ms": 80, "detection": "peak", "lookahead_ms": 2}},
    {"type": "limiter", "params": {"ceiling_dbtp": -1, "lookahead_ms": 5, "release_ms": 100}}
  ]
}
JSON
sox_chain=(highpass 40 bass +3 120 0.707q equalizer 400 1.5q -2 equalizer 2500 3q +2 treble -2 9000 0.707q lowpass 18000
    compand 0.005,0.08 6:-20,-20,0,-15 0 -90 0.002
    compand 0,0.1 -1,-1,0,-1 0 -90 0)
ffmpeg_chain="highpass=f=40,bass=g=3:f=120:t=q:w=0.707,equalizer=f=400:t=q:w=1.5:g=-2,equalizer=f=2500:t=q:w=3:g=2"
ffmpeg_chain+=",treble=g=-2:f=9000:t=q:w=0.707,lowpass=f=18000"
ffmpeg_chain+=",acompressor=threshold=-20dB:ratio=4:knee=2:attack=5:release=80"
ffmpeg_chain+=",alimiter=limit=-1dB:attack=5:release=100:level=disabled"

cat > "$work/loudnorm.sh" <<'SH'
#!/usr/bin/env bash
# ffmpeg's two-pass loudnorm: measure, then normalise with the measured values.
set -euo pipefail
in="$1"; out="$2"
json=$(ffmpeg -hide_banner -nostats -filter_threads 1 -i "$in" -af loudnorm=I=-14:TP=-1:LRA=11:print_format=json -f null - 2>&1 \
    | sed -n '/^{/,/^}/p')
get() { printf '%s\n' "$json" | sed -n "s/.*\"$1\" : \"\([^\"]*\)\".*/\1/p"; }
ffmpeg -hide_banner -nostats -loglevel error -filter_threads 1 -y -i "$in" -af "loudnorm=I=-14:TP=-1:LRA=11:measured_I=$(get input_i):measured_TP=$(get input_tp):measured_LRA=$(get input_lra):measured_thresh=$(get input_thresh):offset=$(get target_offset):linear=true" \
    -ar 44100 -c:a pcm_s16le "$out"
SH
chmod +x "$work/loudnorm.sh"

# ---------------------------------------------------------------- timing
# time_run JOB TOOL CMD... : one timed run; appends "JOB|TOOL|wall_s|rss_kb|processing_s" to results
results="$work/results.txt"
: > "$results"
time_run() {
    local job="$1" tool="$2"; shift 2
    local t="$work/time.txt" log="$work/log-${job}-${tool// /_}.txt"
    if ! /usr/bin/time -f "%e %M" -o "$t" "$@" >"$log" 2>&1; then
        echo "FAILED: $job / $tool: $*" >&2
        tail -5 "$log" >&2
        return 1
    fi
    local processing
    processing=$(sed -n -e 's/.*processing \([0-9.]*\) s.*/\1/p' -e 's/.*, \([0-9.]*\) s (.*real time).*/\1/p' "$log" | tail -1)
    read -r wall rss < <(tail -1 "$t")
    echo "$job|$tool|$wall|$rss|${processing:--}" >> "$results"
    # first output lines of each tool, for the cross-check of what it measured
    [[ -f "$log.kept" ]] || { grep -v '^\s*$' "$log" | grep -iv 'slf4j' | tail -n 12 > "$log.kept" || true; }
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load before: $load_before" >&2
for ((r = 1; r <= runs; r++)); do
    echo "run $r/$runs" >&2
    # 1. loudness with true peak, 10 min
    time_run loudness "mixai loudness" java -jar "$cli_jar" loudness "$work/ten.wav"
    have ffmpeg && time_run loudness "ffmpeg ebur128=peak=true" ffmpeg -hide_banner -nostats -filter_threads 1 -i "$work/ten.wav" -af ebur128=peak=true -f null -
    [[ $have_ebur == 1 ]] && time_run loudness "libebur128 (C)" "$ebur" "$work/ten.wav"
    # 2. EQ + compressor + limiter, 10 min
    time_run chain "mixai chain" "${render_chain[@]}" "$work/ten.wav" "$work/chain.json" "$work/chain-mixai.wav"
    time_run chain "sox" sox "$work/ten.wav" "$work/chain-sox.wav" "${sox_chain[@]}"
    have ffmpeg && time_run chain "ffmpeg" ffmpeg -hide_banner -nostats -loglevel error -filter_threads 1 -y -i "$work/ten.wav" -af "$ffmpeg_chain" -c:a pcm_s16le "$work/chain-ffmpeg.wav"
    # 3. mastering to a target, 3.5 min song
    time_run startup "mixai --version" java -jar "$cli_jar" --version
    time_run master "mixai master" "${master[@]}" "$work/song.wav" "$work/master-mixai.wav" "${master_args[@]}"
    time_run master "mixai gain + limiter (SDK)" "${normalise[@]}" "$work/song.wav" "$work/master-norm.wav" -14 -1
    have ffmpeg && time_run master "ffmpeg loudnorm 2-pass" "$work/loudnorm.sh" "$work/song.wav" "$work/master-ffmpeg.wav"
    rm -f "$work"/chain-*.wav "$work"/master-*.wav
done
if [[ $hour == 1 ]]; then
    hour_runs=$(( runs < hour_runs ? runs : hour_runs ))
    for ((r = 1; r <= hour_runs; r++)); do
        echo "hour run $r/$hour_runs" >&2
        if has_command master; then
            time_run hour "mixai master -Xmx256m" java -Xmx256m -jar "$cli_jar" master "$work/hour.wav" "$work/hour-mixai.wav" \
                "${master_args[@]}"
        fi
        time_run hour "mixai gain + limiter (SDK) -Xmx256m" java -Xmx256m "${normalise[@]:1}" "$work/hour.wav" \
            "$work/hour-mixai.wav" -14 -1
        rm -f "$work/hour-mixai.wav"
    done
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- table
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit } print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
job_title() {
    case "$1" in
        startup) echo "JVM start-up only" ;;
        loudness) echo "Loudness + true peak, 10 min" ;;
        chain) echo "EQ + compressor + limiter, 10 min" ;;
        master) echo "Master to -14 LUFS / -1 dBTP, 3.5 min" ;;
        hour) echo "Master to -14 LUFS / -1 dBTP, 60 min, -Xmx256m" ;;
    esac
}
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
java_version=$(java -version 2>&1 | head -1)
{
    echo "# mixai whole-job speed and memory against sox, ffmpeg and libebur128"
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`benchmarks/compare-tools.sh --runs $runs\` on $(nproc) cores ($cpu), $mem RAM;"
    echo "load average (1/5/15 min) $load_before before, $load_after after. $java_version;"
    echo "$(ffmpeg -version 2>/dev/null | head -1 | cut -d' ' -f1-3); $(sox --version 2>/dev/null | sed 's/.*SoX/SoX/'); libebur128 $(dpkg-query -W -f '${Version}' libebur128-1 2>/dev/null || echo '?')."
    echo
    echo "Median of $runs runs (the 60-minute job: $hour_runs), tools interleaved run by run; wall time and max RSS of the"
    echo "whole process (/usr/bin/time), JVM start-up included. Ratio: the tool's median wall time / the first mixai row's"
    echo "(above 1: mixai is faster). Processing: the time mixai reports for the job itself, without JVM start-up"
    echo "(\`mixai master\` prints it; the SDK tools print it from main() on); where it prints none, subtract the start-up row."
    echo "Inputs: $input_note; 44.1 kHz 16-bit stereo."
    echo "ffmpeg runs with \`-filter_threads 1\` (one thread, as the targets are stated; on this shared 2-core machine its"
    echo "default threaded filtering made the chain about 5x slower, not faster). The JVM has its own GC and JIT threads."
    echo
    echo "| job | tool | wall s (median) | min–max s | max RSS MiB | ratio to mixai | processing s |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    for job in startup loudness chain master hour; do
        mapfile -t tools < <(awk -F'|' -v j="$job" '$1 == j && !seen[$2]++ { print $2 }' "$results")
        [[ ${#tools[@]} -gt 0 ]] || continue
        mixai_median=$(awk -F'|' -v j="$job" -v t="${tools[0]}" '$1 == j && $2 == t { print $3 }' "$results" | median)
        for tool in "${tools[@]}"; do
            walls=$(awk -F'|' -v j="$job" -v t="$tool" '$1 == j && $2 == t { print $3 }' "$results")
            med=$(median <<< "$walls")
            range=$(sort -g <<< "$walls" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f–%.2f", lo, hi }')
            rss=$(awk -F'|' -v j="$job" -v t="$tool" '$1 == j && $2 == t { print $4 / 1024 }' "$results" | median)
            proc=$(awk -F'|' -v j="$job" -v t="$tool" '$1 == j && $2 == t && $5 != "-" { print $5 }' "$results" | median)
            ratio=$(awk -v a="$med" -v b="$mixai_median" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
            printf '| %s | %s | %.2f | %s | %.0f | %s | %s |\n' "$(job_title "$job")" "$tool" "$med" "$range" "$rss" "$ratio" "$proc"
        done
    done
    echo
    echo "## What each tool ran"
    echo
    echo "- Loudness: \`mixai loudness FILE\`; \`ffmpeg -nostats -filter_threads 1 -i FILE -af ebur128=peak=true -f null -\`;"
    echo "  \`benchmarks/tools/ebur128-loudness.c\` (libebur128 with integrated, LRA, true and sample peak, reading"
    echo "  with libsndfile in blocks of 4096 frames; compiled with gcc -O2)."
    echo "- Chain: mixai $render_note with this chain:"
    echo "  six-band EQ (12 dB/oct low cut 40 Hz, low shelf +3 dB 120 Hz, bell -2 dB 400 Hz Q 1.5, bell +2 dB 2.5 kHz Q 3,"
    echo "  high shelf -2 dB 9 kHz, 12 dB/oct high cut 18 kHz) → compressor (-20 dB, 4:1, 6 dB knee, 5/80 ms, peak, 2 ms"
    echo "  look-ahead) → true-peak limiter (-1 dBTP, 5 ms look-ahead, 100 ms release)."
    echo "  sox: \`sox IN OUT ${sox_chain[*]}\`."
    echo "  ffmpeg: \`ffmpeg -i IN -af $ffmpeg_chain -c:a pcm_s16le OUT\`."
    echo "  Differences: sox has no limiter; its stand-in is a second \`compand\` with instant attack and an infinite"
    echo "  ratio above -1 dBFS and no delay (sample peak, no oversampling, no look-ahead: sox refuses a second delayed compand"
    echo "  on stereo), and sox dithers its 16-bit output."
    echo "  ffmpeg's \`alimiter\` is a sample-peak limiter too (mixai's limiter estimates true peaks at 8x, then 16x oversampling"
    echo "  with a near-Nyquist guard, in two stages: far more work per sample), its \`acompressor\` has no look-ahead, and it"
    echo "  does not dither. mixai dithers (TPDF)."
    echo "- Mastering: mixai $master_note; the SDK stand-in \`io.mixai.benchmarks.tools.MasterToTarget IN OUT -14 -1\`"
    echo "  (benchmarks jar: pass 1 measures, pass 2 renders gain → true-peak limiter; loudnorm's job, no tone or dynamics); ffmpeg two-pass \`loudnorm\` (pass 1 \`loudnorm=I=-14:TP=-1:LRA=11:print_format=json\`,"
    echo "  pass 2 with the measured values and \`linear=true\`, \`-ar 44100\` because loudnorm works at 192 kHz), both passes timed as one job."
    echo
    echo "## Targets"
    echo
    echo "- Loudness with true peak at least as fast as libebur128 (whole process, JVM start-up included)."
    echo "- EQ + compressor + limiter faster than sox's equivalent."
    echo "- A 3.5-minute stereo 44.1 kHz song mastered with under 1 s of processing after start-up (\"processing s\")."
    echo "- A 60-minute stereo file mastered with \`-Xmx256m\` (the heap bound holds if the job completes; RSS above)."
    echo
    echo "## Output of the first run of each tool"
    echo
    for f in "$work"/log-*.kept; do
        echo "\`$(basename "$f" .txt.kept | sed 's/^log-//')\`:"
        echo '```'
        cut -c1-200 "$f"
        echo '```'
    done
} > "$out"
echo "wrote $out" >&2
cat "$out"
