# Sourced by tools/soak.sh and tools/monitor-rates.sh: the two stream cameras on 127.0.0.1, made from vtest.avi.
# - MJPEG: ffmpeg -f mpjpeg -listen 1 serves one client at a time, so a loop serves it again after each client;
#   stop_mjpeg / start_mjpeg take it away and bring it back (a camera outage).
# - RTSP: ffmpeg encodes, the tests' Java RtspTestServer serves (Debian's ffmpeg cannot serve RTSP).
# Needs: $OUT (a scratch folder), $VTEST, test classes compiled; sets MJPEG_URL and RTSP_URL and appends the
# servers' process ids to the caller's PIDS array.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

mjpeg_loop() {
    local ff=
    trap 'kill $ff 2>/dev/null; exit 0' TERM
    while true; do
        ffmpeg -nostdin -v error -re -stream_loop -1 -i "$VTEST" -an -c:v mjpeg -q:v 5 -f mpjpeg \
            -listen 1 "$MJPEG_URL" &
        ff=$!
        wait "$ff" || true
        sleep 0.2
    done
}
start_mjpeg() { mjpeg_loop >>"$OUT/mjpeg.log" 2>&1 & MJPEG_PID=$!; PIDS+=("$MJPEG_PID"); }
stop_mjpeg() { kill "$MJPEG_PID" 2>/dev/null || true; wait "$MJPEG_PID" 2>/dev/null || true; }

start_stream_servers() {
    MJPEG_URL="http://127.0.0.1:$(free_port)/feed.mjpg"
    start_mjpeg
    mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$OUT/test-classpath.txt" >/dev/null
    java -cp "target/test-classes:target/classes:$(cat "$OUT/test-classpath.txt")" dev.lookout.capture.SoakRtspServer \
        "$VTEST" 795 10 "$OUT" >"$OUT/rtsp.url" 2>"$OUT/rtsp.log" &
    RTSP_PID=$!; PIDS+=("$RTSP_PID")
    for _ in $(seq 100); do [ -s "$OUT/rtsp.url" ] && break; sleep 0.3; done
    RTSP_URL=$(head -1 "$OUT/rtsp.url")
}
