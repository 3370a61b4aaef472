#!/usr/bin/env bash
# Re-runs the hostile-input cases of docs/RELIABILITY.md by hand and prints one table row per case:
# | case | exit code | first line of what Lookout said |. Needs root (tmpfs mounts), ffmpeg, the built jar
# (mvn -B -q package -DskipTests) and $LOOKOUT_TESTDATA (vtest.avi); run from the project folder.
set -u
jar=target/lookout.jar
data=${LOOKOUT_TESTDATA:-target/testdata}
work=$(mktemp -d)
trap 'umount -l "$work"/full "$work"/ro "$work"/nx 2>/dev/null; rm -rf "$work"' EXIT
lookout() { java -jar "$jar" "$@"; }
row() { # case, command...
  local name=$1; shift
  local out code
  out=$("$@" 2>&1 >/dev/null); code=$?
  out=$(printf '%s\n' "$out" | grep -v 'no NVIDIA driver\|^ffmpeg:' | head -n 1 | cut -c1-220)
  printf '| %s | %s | %s |\n' "$name" "$code" "${out//|/\\|}"
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

python3 - "$work/bomb.png" <<'PY'
import sys, zlib, struct
side = 30000
raw = zlib.compress(b'\0' * (1 + (side + 7) // 8) * side, 9)
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', side, side, 1, 0, 0, 0, 0)) + chunk(b'IDAT', raw) + chunk(b'IEND', b''))
PY
truncate -s 2200M "$work/huge.jpg"
ln -s /dev/zero "$work/zero.jpg"
ffmpeg -v error -f lavfi -i testsrc=size=320x240:rate=1 -frames:v 1 "$work/good.png"
head -c 4000000 "$data/vtest.avi" > "$work/cut.avi"
cp "$work/good.png" "$work/input.png"
port=$(free_port)
mkdir -p "$work/full" "$work/ro" "$work/nx"
mount -t tmpfs -o size=300k tmpfs "$work/full"
mount -t tmpfs -o ro,size=1m tmpfs "$work/ro"
mount -t tmpfs -o noexec,size=600m tmpfs "$work/nx"
mkdir -p "$work/model-nolabels" && ln -s "$PWD/models/coco-ssd/model.onnx" "$work/model-nolabels/model.onnx"

echo "| case | exit | message (first line on stderr) |"
echo "|---|---|---|"
row "stream with a password refused (rtsp)" lookout detect --reconnect 0 "rtsp://user:secret@127.0.0.1:$port/x"
row "stream with a password refused (http)" lookout detect --reconnect 0 "http://user:secret@127.0.0.1:$port/x"
row "--output is an input" lookout detect --output "$work/input.png" "$work/input.png"
row "PNG bomb 30000x30000, then a good image" lookout detect "$work/bomb.png" "$work/good.png"
row "2.1 GB file named .jpg" lookout detect "$work/huge.jpg"
row "character device as input" lookout detect "$work/zero.jpg"
row "--snapshot on a full disk (vtest)" lookout detect --every 40 --snapshot "$work/full/shots" "$data/vtest.avi"
row "--output on a full disk" lookout detect --output /dev/full "$work/good.png" "$work/good.png"
row "truncated video" lookout detect --every 100 "$work/cut.avi"
row "stdout closed (| head -1)" bash -c "java -jar $jar detect --every 10 $data/vtest.avi | head -n 1 >/dev/null; exit \${PIPESTATUS[0]}"
row "read-only temporary folder" java -Djava.io.tmpdir="$work/ro" -jar "$jar" detect "$work/good.png"
row "noexec temporary folder" java -Djava.io.tmpdir="$work/nx" -jar "$jar" detect "$work/good.png"
row "--model folder without labels.json" lookout detect --model "$work/model-nolabels" "$work/good.png"
row "--min-score 0" lookout detect --min-score 0 "$work/good.png"
row "--every 99999999999" lookout detect --every 99999999999 "$work/good.png"
row "--max-boxes 99999999999" lookout detect --max-boxes 99999999999 "$work/good.png"
row "convert: weight path outside the model folder" bash -c "mkdir -p $work/evil && printf '%s' '{\"format\":\"graph-model\",\"modelTopology\":{\"node\":[]},\"weightsManifest\":[{\"paths\":[\"../../etc/passwd\"],\"weights\":[]}]}' > $work/evil/model.json && java -jar $jar convert $work/evil $work/evil.onnx"
row "live without a display" env -u DISPLAY java -Djava.awt.headless=true -jar "$jar" live --source "$data/vtest.avi" --duration 2
