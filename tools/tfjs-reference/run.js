#!/usr/bin/env node
'use strict';
// Runs a TF.js graph model with TF.js 4.22.0's cpu backend on seeded image-like inputs (or given .npy inputs) and
// writes every input and output as .npy plus a manifest, for Lookout's converter tests to compare against.
//   node run.js MODEL.json OUT_DIR [--seed N] [--size HxW] [--range LO,HI] [--input NAME=FILE.npy ...] [--time N]
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const npy = require('./npy');

function parse(argv) {
  const o = { seed: 1, size: [256, 256], range: null, inputs: {}, time: 0, backend: 'cpu' };
  const pos = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--size') o.size = argv[++i].split('x').map(Number);
    else if (a === '--range') o.range = argv[++i].split(',').map(Number);
    else if (a === '--input') { const [k, v] = argv[++i].split('='); o.inputs[k] = v; }
    else if (a === '--time') o.time = Number(argv[++i]);
    else if (a === '--backend') o.backend = argv[++i];
    else pos.push(a);
  }
  if (pos.length !== 2) throw new Error('usage: node run.js MODEL.json OUT_DIR [--seed N] [--size HxW] [--range LO,HI] [--input NAME=FILE.npy] [--time N] [--backend cpu|wasm]');
  o.model = pos[0]; o.out = pos[1];
  return o;
}

/** mulberry32: a small seeded generator, so a seed gives the same input on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An image-like tensor: smooth gradients and blobs per channel plus a little noise, in [lo, hi]. */
function imageLike(shape, dtype, seed, range) {
  const r = rng(seed);
  const n = shape.reduce((p, d) => p * d, 1);
  const out = dtype === 'float32' ? new Float32Array(n) : new Int32Array(n);
  const [lo, hi] = range || (dtype === 'float32' ? [0, 1] : [0, 255]);
  const c = shape.length === 4 ? shape[3] : 1;
  const h = shape.length === 4 ? shape[1] : 1;
  const w = shape.length === 4 ? shape[2] : n;
  const waves = [];
  for (let ch = 0; ch < c; ch++) {
    waves.push([r() * 6, r() * 6, r() * 6.28, r() * 0.5 + 0.25, r(), r()]);
  }
  for (let i = 0; i < n; i++) {
    const ch = i % c;
    const px = Math.floor(i / c);
    const x = (px % w) / w;
    const y = Math.floor(px / w) % h / h;
    const [fx, fy, ph, amp, cx, cy] = waves[ch];
    const blob = Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) * 8);
    let v = 0.5 + amp * 0.5 * Math.sin(fx * x * 6.28 + fy * y * 6.28 + ph) * 0.6 + 0.3 * blob - 0.15 + (r() - 0.5) * 0.1;
    v = Math.min(1, Math.max(0, v));
    v = lo + v * (hi - lo);
    out[i] = dtype === 'float32' ? v : Math.round(v);
  }
  return out;
}

function loadArtifacts(file) {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const dir = path.dirname(file);
  const specs = [];
  const buffers = [];
  for (const group of json.weightsManifest || []) {
    specs.push(...group.weights);
    for (const p of group.paths) buffers.push(fs.readFileSync(path.join(dir, p)));
  }
  const data = Buffer.concat(buffers);
  return {
    modelTopology: json.modelTopology,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    signature: json.signature,
    userDefinedMetadata: json.userDefinedMetadata,
    modelInitializer: json.modelInitializer,
    weightSpecs: specs,
    weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.length),
  };
}

function write(dir, name, t, dtype) {
  const file = name.replace(/[^A-Za-z0-9_.-]/g, '_') + '.npy';
  npy.write(path.join(dir, file), dtype, t.shape, t.dataSync());
  return file;
}

async function main() {
  const o = parse(process.argv.slice(2));
  if (o.backend === 'wasm') {
    // The wasm backend (for timing only; the reference numbers come from cpu) loads its binaries from this package.
    const wasm = require('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep);
  }
  if (!(await tf.setBackend(o.backend))) throw new Error(`backend ${o.backend} is not available`);
  const model = await tf.loadGraphModel(tf.io.fromMemory(loadArtifacts(o.model)));
  fs.mkdirSync(o.out, { recursive: true });
  const manifest = { tfjs: tf.version.tfjs, backend: tf.getBackend(), seed: o.seed, inputs: [], outputs: [] };
  const feeds = {};
  model.inputs.forEach((input, k) => {
    let t;
    if (o.inputs[input.name]) {
      const a = npy.read(o.inputs[input.name]);
      t = tf.tensor(a.values, a.shape, a.dtype);
    } else {
      let hw = 0;
      const shape = input.shape.map((d, i) => (d == null || d < 0 ? (i === 0 ? 1 : o.size[hw++] || 1) : d));
      const dtype = input.dtype === 'float32' ? 'float32' : 'int32';
      t = tf.tensor(imageLike(shape, dtype, o.seed + k, o.range), shape, input.dtype);
    }
    feeds[input.name] = t;
    manifest.inputs.push({ name: input.name, dtype: t.dtype, shape: t.shape, file: write(o.out, 'input_' + input.name, t, t.dtype) });
  });
  const names = model.outputs.map(x => x.name);
  const run = () => model.executeAsync(feeds, names);
  let outs = await run();
  outs = Array.isArray(outs) ? outs : [outs];
  outs.forEach((t, i) => {
    const dtype = t.dtype === 'bool' ? 'bool' : t.dtype;
    manifest.outputs.push({ name: names[i], dtype, shape: t.shape, file: write(o.out, 'output_' + names[i], t, dtype) });
  });
  if (o.time > 0) {
    const ms = [];
    for (let i = 0; i < o.time; i++) {
      const t0 = process.hrtime.bigint();
      tf.dispose(await run());
      ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    ms.sort((a, b) => a - b);
    manifest.timing = { runs: o.time, medianMs: ms[Math.floor(ms.length / 2)], minMs: ms[0] };
  }
  fs.writeFileSync(path.join(o.out, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
}

main().catch(e => { console.error(`tfjs-reference: ${e.message}`); process.exit(1); });
