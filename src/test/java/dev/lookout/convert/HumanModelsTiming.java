package dev.lookout.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.onnx.Tensor;
import dev.lookout.run.OnnxModelRunner;
import dev.lookout.testsupport.TfjsReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Not a test: the figures of docs/PERFORMANCE.md's table for the {@code @vladmandic/human@3.3.6} models. Per model,
 * side by side: conversion time, ONNX size, ONNX Runtime's median of 30 runs after 5 warm-ups, and TF.js's cpu and
 * wasm medians ({@code run.js --time N}) on the same seeded input. Run from the project folder with the test
 * classpath: {@code java -cp target/classes:target/test-classes:DEPS dev.lookout.convert.HumanModelsTiming}.
 */
public final class HumanModelsTiming {

    private static final String[] MODELS = {"antispoof", "blazeface", "emotion", "facemesh", "faceres",
        "handlandmark-lite", "iris", "liveness", "centernet", "movenet-lightning", "handtrack"};
    private static final List<String> LARGEST = List.of("faceres", "centernet", "handtrack");

    private HumanModelsTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("lookout-timing");
        System.out.println("| model | convert | ONNX size | ORT median | TF.js cpu median | TF.js wasm median |");
        System.out.println("|---|---|---|---|---|---|");
        boolean first = true;
        for (String name : MODELS) {
            Path json = TfjsReference.humanModel(name);
            long t0 = System.nanoTime();
            byte[] onnx = TfjsConverter.convert(TfjsModel.load(json));
            double convertS = (System.nanoTime() - t0) / 1e9;
            TfjsReference.Run ref = TfjsReference.run(json, work.resolve(name + "-ref"), 7, "--size", "320x320");
            double ortMs = ortMedian(onnx, ref.inputs());
            int cpuRuns = LARGEST.contains(name) ? 2 : 10;
            int wasmRuns = LARGEST.contains(name) ? 5 : 10;
            double cpuMs = tfjsMedian(json, work.resolve(name + "-cpu"), "cpu", cpuRuns);
            double wasmMs = tfjsMedian(json, work.resolve(name + "-wasm"), "wasm", wasmRuns);
            System.out.printf("| %s | %.2f s%s | %.1f MB | %.1f ms | %,.0f ms | %,.0f ms |%n", name, convertS,
                    first ? " (first)" : "", onnx.length / 1e6, ortMs, cpuMs, wasmMs);
            first = false;
        }
    }

    private static double ortMedian(byte[] onnx, Map<String, Tensor> inputs) throws Exception {
        try (OnnxModelRunner runner = new OnnxModelRunner(onnx)) {
            Map<String, Tensor> typed = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
                Tensor t = e.getValue();
                if (runner.inputType(e.getKey()) == dev.lookout.onnx.DataType.UINT8) {
                    long[] v = t.longs();
                    byte[] b = new byte[v.length];
                    for (int i = 0; i < v.length; i++) {
                        b[i] = (byte) v[i];
                    }
                    t = new Tensor(dev.lookout.onnx.DataType.UINT8, t.shape(), b);
                }
                typed.put(e.getKey(), t);
            }
            for (int i = 0; i < 5; i++) {
                runner.run(typed);
            }
            double[] ms = new double[30];
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                runner.run(typed);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            return ms[ms.length / 2];
        }
    }

    private static double tfjsMedian(Path json, Path out, String backend, int runs) throws Exception {
        List<String> options = new ArrayList<>(List.of("--size", "320x320", "--time", Integer.toString(runs),
                "--backend", backend));
        TfjsReference.run(json, out, 7, options.toArray(new String[0]));
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        return manifest.path("timing").path("medianMs").asDouble();
    }
}
