#!/usr/bin/env bash
# The monitor's soak (issue 12): four simultaneous cameras for SOAK_SECONDS (default 600) under `lookout monitor`,
# all served on 127.0.0.1 — vtest.avi (looping file), assets/demo.mp4 (looping file), an MJPEG stream (ffmpeg
# -f mpjpeg -listen 1) and an RTSP stream (ffmpeg encodes, the tests' Java RtspTestServer serves: Debian's ffmpeg
# cannot serve RTSP). RSS, CPU and the load average are sampled every 10 s with ps (the monitor's JVM, and the
# launching JVM as "parent"). Halfway the MJPEG server is stopped for 30 s and started again. At the end the
# monitor's JVM is killed with SIGKILL in the middle of events, then
# started again for RESTART_SECONDS: the store must open, close the events left open (end unknown), and list the
# past ones; every clip and recording written before the kill is probed with ffprobe.
#
# Needs: a built jar and test classes (mvn -B -q package -DskipTests && mvn -B -q test-compile), ffmpeg/ffprobe,
# python3, LOOKOUT_TESTDATA with vtest.avi. Usage: tools/soak.sh [OUT_DIR]; everything lands in OUT_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=${1:-/tmp/lookout-soak-$(date -u +%Y%m%dT%H%M%S)}
SOAK_SECONDS=${SOAK_SECONDS:-600}
OUTAGE_AT=${OUTAGE_AT:-$((SOAK_SECONDS / 2))}
OUTAGE_SECONDS=${OUTAGE_SECONDS:-30}
RESTART_SECONDS=${RESTART_SECONDS:-60}
SEGMENT_SECONDS=${SEGMENT_SECONDS:-60}
VTEST=${LOOKOUT_TESTDATA:?set LOOKOUT_TESTDATA to the folder with vtest.avi}/vtest.avi
mkdir -p "$OUT"
LOG=$OUT/monitor.log
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

note() { echo "$(date -u +%H:%M:%S) $*" | tee -a "$OUT/soak.txt"; }
source tools/stream-servers.sh
start_stream_servers

cat >"$OUT/lookout.yml" <<EOF
storage: data
retention:
  max_size: ${MAX_SIZE:-150MB}
cameras:
  vtest:
    source: $VTEST
    loop: true
    watch: [person]
    post_roll: 2s
    record: continuous
  demo:
    source: $ROOT/assets/demo.mp4
    loop: true
    watch: [person]
    post_roll: 2s
  mjpeg:
    source: $MJPEG_URL
    watch: [person]
    post_roll: 2s
  rtsp:
    source: $RTSP_URL
    watch: [person]
    post_roll: 2s
EOF

child_of() { # pid: the relaunched child JVM that runs the monitor (the pid itself if it did not relaunch)
    local c=""
    for _ in $(seq 1 100); do
        c=$(pgrep -P "$1" java | head -1 || true)
        [ -n "$c" ] && break
        sleep 0.1
    done
    echo "${c:-$1}"
}

sample() { # pid label: one line every 10 s: time, rss MB, cumulative CPU s, CPU % over the last 10 s, load
    local pid=$1 label=$2 last=0 t0
    t0=$(date +%s)
    while kill -0 "$pid" 2>/dev/null; do
        read -r rss cpu < <(ps -o rss=,times= -p "$pid" 2>/dev/null || echo "0 0")
        [ -z "${rss:-}" ] && break
        echo "$label $(( $(date +%s) - t0 )) $((rss / 1024)) $cpu $(( (cpu - last) * 10 )) $(cut -d' ' -f1-3 /proc/loadavg)" \
            >>"$OUT/samples.txt"
        last=$cpu
        sleep 10
    done
}

note "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# label seconds rss_MB cpu_s cpu_%_last_10s load1 load5 load15" >"$OUT/samples.txt"
# as a user starts it: no JVM options, so the monitor relaunches itself with MALLOC_ARENA_MAX=2, the fixed mmap
# threshold (MALLOC_MMAP_THRESHOLD_=524288) and its own heap
# bound (LOOKOUT_JAVA_OPTS adds options, e.g. -XX:NativeMemoryTracking=summary, which the child inherits)
java ${LOOKOUT_JAVA_OPTS:-} -jar target/lookout.jar monitor --config "$OUT/lookout.yml" --json-log --health 30 \
    --segment "$SEGMENT_SECONDS" 2>"$LOG" &
MON=$!; PIDS+=("$MON")
CHILD=$(child_of "$MON")
note "monitor started (pid $MON, the monitor's own JVM: $CHILD): vtest, demo, mjpeg $MJPEG_URL, rtsp $RTSP_URL"
echo "$CHILD" >"$OUT/monitor.pid"
sample "$CHILD" soak &
[ "$CHILD" != "$MON" ] && sample "$MON" parent &
sleep "$OUTAGE_AT"
note "stopping the MJPEG server for $OUTAGE_SECONDS s"
stop_mjpeg
sleep "$OUTAGE_SECONDS"
start_mjpeg
note "MJPEG server started again"
sleep $((SOAK_SECONDS - OUTAGE_AT - OUTAGE_SECONDS))
open_before=$(python3 - "$OUT/data/lookout.db" <<'EOF'
import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
print(db.execute("select count(*) from events where end_ms is null").fetchone()[0])
EOF
)
note "kill -9 of the monitor's JVM; events open in the store just before: $open_before"
kill -9 "$CHILD" 2>/dev/null || note "the monitor's JVM was already gone (see $LOG)"; wait "$MON" 2>/dev/null || true
ls -l --time-style=+%T "$OUT"/data/clips/*/ "$OUT"/data/recordings/*/ >"$OUT/files-at-kill.txt" 2>&1 || true

note "restarting the monitor for $RESTART_SECONDS s"
java ${LOOKOUT_JAVA_OPTS:-} -jar target/lookout.jar monitor --config "$OUT/lookout.yml" --json-log --health 30 \
    --segment "$SEGMENT_SECONDS" --duration "$RESTART_SECONDS" 2>"$OUT/restart.log" &
MON2=$!; PIDS+=("$MON2")
sample "$(child_of "$MON2")" restart &
wait "$MON2" && note "restarted monitor exited 0" || note "restarted monitor exited $?"
stop_mjpeg; kill "$RTSP_PID" 2>/dev/null || true

java -jar target/lookout.jar events --config "$OUT/lookout.yml" --limit 1000000 --json >"$OUT/events.jsonl"
java -jar target/lookout.jar events --config "$OUT/lookout.yml" --limit 1000000 >"$OUT/events.txt"
# every clip and recording on disk: does ffprobe read it, and how long is it?
: >"$OUT/ffprobe.txt"
for f in "$OUT"/data/clips/*/*.mp4 "$OUT"/data/recordings/*/*.mp4; do
    [ -e "$f" ] || continue
    d=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$f" 2>&1 | head -1) || d="ERROR $d"
    echo "${f#"$OUT"/} $d" >>"$OUT/ffprobe.txt"
done
python3 - "$OUT" <<'EOF'
import json, os, sqlite3, sys, collections
out = sys.argv[1]
def health(path):
    last = {}
    for line in open(path):
        try:
            j = json.loads(line)
        except ValueError:
            continue
        if j.get("type") == "health":
            last[j["camera"]] = j
    return last
print("last health line per camera before the kill (cumulative counts):")
for cam, h in sorted(health(out + "/monitor.log").items()):
    print(f"  {cam}: detected {h['detected']}, skipped busy {h.get('skippedBusy', 0)}, "
          f"skipped for detect_fps {h['skippedRate']}, "
          f"skipped without motion {h['skippedNoMotion']}, {h['detectFps']} det/s, {h['fps']} fps, at {h['time']}")
states = [json.loads(l) for l in open(out + "/monitor.log") if '"type":"state"' in l]
print("state changes during the soak:")
for s in states:
    print(f"  {s['time']} {s['camera']}: {s['state']} {s.get('message', '')}")
events = [json.loads(l) for l in open(out + "/events.jsonl")]
per = collections.Counter(e["camera"] for e in events)
print("events in the store per camera:", dict(sorted(per.items())))
print("events with end unknown (open at the kill):", sum(1 for e in events if e.get("end_unknown")))
print("events still open:", sum(1 for e in events if e.get("end") is None))
print("events without snapshot:", sum(1 for e in events if not e.get("snapshot")),
      "/ without clip:", sum(1 for e in events if not e.get("clip")))
db = sqlite3.connect("file:" + out + "/data/lookout.db?mode=ro", uri=True)
rows = db.execute("select file, kind, end_ms, size from recordings").fetchall()
missing = [r[0] for r in rows if not os.path.exists(os.path.join(out, "data", r[0]))]
ondisk = set()
for kind in ("clips", "recordings", "snapshots"):
    base = os.path.join(out, "data", kind)
    for root, _, files in os.walk(base):
        for f in files:
            ondisk.add(os.path.relpath(os.path.join(root, f), out + "/data"))
indexed = {r[0] for r in rows}
unindexed = sorted(f for f in ondisk if f not in indexed and not f.endswith(".json"))
print("recordings rows:", collections.Counter(r[1] for r in rows), "rows without file:", len(missing),
      "files without row (sidecars aside):", len(unindexed), unindexed[:5])
probes = [l.split() for l in open(out + "/ffprobe.txt")]
bad = [p for p in probes if len(p) < 2 or p[1].startswith("ERROR") or p[1] == "N/A"]
print("ffprobe: %d files, %d unreadable %s" % (len(probes), len(bad), bad[:5]))
EOF
note "done: $OUT"
