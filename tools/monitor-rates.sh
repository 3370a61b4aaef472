#!/usr/bin/env bash
# Per-camera detection rate of `lookout monitor` with 1, 2 and 4 cameras, motion gate on and off, in one run,
# and one still camera (smptebars, nothing moves) gate on and off: the eight configurations alternate (gate on,
# then off, for each camera count) and the whole pass is repeated PASSES times (default 2, the second in reverse
# order), so that a change of the machine's load hits both sides.
# Sources: vtest.avi and assets/demo.mp4 (looping files), an MJPEG stream (ffmpeg -f mpjpeg -listen 1) and an
# RTSP stream (ffmpeg encodes, the tests' Java RtspTestServer serves), all on 127.0.0.1; every camera watches
# `person` (clips, snapshots and events are written as in production).
#
# Needs what tools/soak.sh needs. Usage: tools/monitor-rates.sh [OUT_DIR]; prints one table row per run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=${1:-/tmp/lookout-rates-$(date -u +%Y%m%dT%H%M%S)}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-40}
PASSES=${PASSES:-2}
VTEST=${LOOKOUT_TESTDATA:?set LOOKOUT_TESTDATA to the folder with vtest.avi}/vtest.avi
mkdir -p "$OUT"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
source tools/stream-servers.sh
start_stream_servers

camera() { # name source [loop]
    printf '  %s:\n    source: %s\n    watch: [person]\n    post_roll: 2s\n' "$1" "$2"
    [ "${3:-}" = loop ] && printf '    loop: true\n'
    [ "$GATE" = off ] && printf '    motion: {enabled: false}\n'
    return 0
}
run() { # cameras gate
    local n=$1 name="c$1-gate-$2" yml
    [ "$1" = still ] && name="still-gate-$2"
    GATE=$2
    yml=$OUT/$name.yml
    rm -rf "$OUT/data-$name"
    {
        echo "storage: data-$name"
        echo "cameras:"
        if [ "$n" = still ]; then camera still "$OUT/still.mp4" loop; else camera vtest "$VTEST" loop; fi
        [ "$n" != still ] && [ "$n" -ge 2 ] && camera demo "$ROOT/assets/demo.mp4" loop
        [ "$n" != still ] && [ "$n" -ge 4 ] && camera mjpeg "$MJPEG_URL" && camera rtsp "$RTSP_URL"
        true
    } >"$yml"
    local load_before cpu
    load_before=$(cut -d' ' -f1 /proc/loadavg)
    java -Xmx512m -jar target/lookout.jar monitor --config "$yml" --json-log --health 0 \
        --duration "$SECONDS_PER_RUN" 2>"$OUT/$name.log" &
    local pid=$!
    cpu=0
    while kill -0 "$pid" 2>/dev/null; do
        cpu=$(ps -o times= -p "$pid" 2>/dev/null | tr -d " " || echo "$cpu"); sleep 1
    done
    wait "$pid" || true
    python3 - "$OUT/$name.log" "$name" "$load_before" "$(cut -d' ' -f1 /proc/loadavg)" "$cpu" <<'EOF'
import json, sys
path, name, load0, load1, cpu = sys.argv[1:]
lines = [json.loads(l) for l in open(path) if l.startswith("{")]
live = {l["camera"]: l["time"] for l in lines if l["type"] == "state" and l["state"] == "live"}
health = {l["camera"]: l for l in lines if l["type"] == "health"}
from datetime import datetime
def t(s):
    return datetime.fromisoformat(s[:26].rstrip("Z"))
cells = []
for cam, h in health.items():
    secs = (t(h["time"]) - t(live.get(cam, h["time"]))).total_seconds() or 1
    cells.append(f"{cam} {h['detected'] / secs:.1f} ({h['detected']} det, {h.get('skippedBusy', 0) + h['skippedRate']} stale, "
                 f"{h['skippedNoMotion']} still)")
print(f"| {name} | {'; '.join(cells)} | {cpu} s | {load0} → {load1} |", flush=True)
EOF
}

echo "# $(date -u +%FT%TZ) $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs, ${SECONDS_PER_RUN} s per run"
echo "| run | per camera: detections/s (detected, skipped stale, skipped without motion) | CPU (process) | load 1 min before → after |"
echo "|---|---|---|---|"
# a still scene (nothing moves, nothing to detect) shows what the gate saves; vtest always has people walking
ffmpeg -nostdin -v error -y -f lavfi -i smptebars=size=768x576:rate=10 -t 20 -pix_fmt yuv420p "$OUT/still.mp4"
order=("1 on" "1 off" "2 on" "2 off" "4 on" "4 off" "still on" "still off")
for pass in $(seq "$PASSES"); do
    if [ $((pass % 2)) -eq 0 ]; then
        for ((i = ${#order[@]} - 1; i >= 0; i--)); do run ${order[$i]}; done
    else
        for cfg in "${order[@]}"; do run $cfg; done
    fi
done
