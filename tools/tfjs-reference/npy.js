'use strict';
// Minimal .npy (format 1.0, little-endian, C order) for float32, int32 and bool/uint8 tensors.
const fs = require('fs');

const DESCR = { float32: '<f4', int32: '<i4', bool: '|u1', uint8: '|u1' };
const ARRAYS = { '<f4': Float32Array, '<i4': Int32Array, '|u1': Uint8Array, '|b1': Uint8Array };

function write(file, dtype, shape, values) {
  const descr = DESCR[dtype];
  if (!descr) throw new Error(`cannot write ${dtype} to .npy`);
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const pad = 64 - ((10 + header.length + 1) % 64);
  header = header + ' '.repeat(pad % 64) + '\n';
  const pre = Buffer.alloc(10);
  pre.write('\x93NUMPY', 0, 'latin1');
  pre[6] = 1; pre[7] = 0;
  pre.writeUInt16LE(header.length, 8);
  const data = new ARRAYS[descr](values);
  fs.writeFileSync(file, Buffer.concat([pre, Buffer.from(header, 'latin1'), Buffer.from(data.buffer)]));
}

function read(file) {
  const b = fs.readFileSync(file);
  if (b.toString('latin1', 0, 6) !== '\x93NUMPY') throw new Error(`${file} is not a .npy file`);
  const major = b[6];
  const len = major === 1 ? b.readUInt16LE(8) : b.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = b.toString('latin1', start, start + len);
  const descr = /'descr':\s*'([^']+)'/.exec(header)[1];
  const shape = /'shape':\s*\(([^)]*)\)/.exec(header)[1].split(',').map(s => s.trim()).filter(s => s).map(Number);
  const Ctor = ARRAYS[descr];
  if (!Ctor || /True/.test(/'fortran_order':\s*(\w+)/.exec(header)[1])) throw new Error(`${file}: unsupported ${header}`);
  const off = start + len;
  const bytes = b.buffer.slice(b.byteOffset + off, b.byteOffset + b.length);
  const dtype = descr === '<f4' ? 'float32' : descr === '<i4' ? 'int32' : 'bool';
  return { dtype, shape, values: new Ctor(bytes) };
}

module.exports = { write, read };
