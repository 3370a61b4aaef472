/**
 * Static post-training int8 quantization of Coco-SSD's ONNX graph ({@code lookout quantize}): calibration on real
 * images ({@link dev.lookout.quantize.CalibrationSet}, {@link dev.lookout.quantize.Calibrator}), range estimators
 * (min-max, percentile, entropy), the QDQ rewrite that ONNX Runtime fuses into integer kernels
 * ({@link dev.lookout.quantize.QdqRewriter}), a per-layer error report and the AP evaluation against the float
 * model. The ONNX bytes are read and written through the classes generated from ONNX's {@code onnx.proto}
 * ({@link dev.lookout.quantize.OnnxModelFile}). The entry point is {@link dev.lookout.quantize.Int8Model}.
 */
package dev.lookout.quantize;
