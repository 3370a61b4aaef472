package dev.lookout.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's headless {@code chromium} driven over the DevTools protocol (the JDK's WebSocket client): it opens one
 * loopback URL with a fresh profile and no background traffic, and lets a test evaluate JavaScript, click, and take
 * screenshots. {@link #close()} ends the browser and removes the profile.
 */
final class Chromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private Chromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** True when {@code /usr/bin/chromium} is installed. */
    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/chromium"));
    }

    /** Starts chromium on {@code url} (must be http://127.0.0.1:PORT/...) at {@code width}x{@code height}. */
    static Chromium open(String url, int width, int height) throws Exception {
        if (!url.startsWith("http://127.0.0.1:")) {
            throw new IllegalArgumentException("the browser may only load the loopback: " + url);
        }
        Path profile = Files.createTempDirectory("lookout-chromium");
        Process process = new ProcessBuilder(List.of("/usr/bin/chromium", "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--disable-default-apps", "--mute-audio",
                "--autoplay-policy=no-user-gesture-required", "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--window-size=" + width + "," + height, "about:blank"))
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        for (int i = 0; i < 300 && !Files.exists(portFile); i++) {
            if (!process.isAlive()) {
                throw new IOException("chromium ended: " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        String pageSocket = null;
        for (int i = 0; i < 100 && pageSocket == null; i++) {
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode t : targets) {
                if (t.path("type").asText().equals("page")) {
                    pageSocket = t.get("webSocketDebuggerUrl").asText();
                }
            }
            if (pageSocket == null) {
                Thread.sleep(100);
            }
        }
        Chromium[] self = new Chromium[1];
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
            private final StringBuilder message = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                message.append(data);
                if (last) {
                    self[0].received(message.toString());
                    message.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        self[0] = new Chromium(process, profile, socket);
        self[0].navigate(url);
        return self[0];
    }

    /**
     * Loads {@code url} and waits until its document has finished loading. The browser starts on about:blank and
     * navigates only once we are attached: had it loaded the URL from its command line, that load could replace
     * the page's JavaScript context under a test's first evaluation ("Execution context was destroyed").
     */
    private void navigate(String url) throws Exception {
        send("Page.navigate", JSON.createObjectNode().put("url", url));
        String loaded = "location.href === " + JSON.writeValueAsString(url) + " && document.readyState === 'complete'";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                if (eval(loaded).asBoolean()) {
                    return;
                }
            } catch (IllegalStateException navigating) {
                // the old document's context went away mid-evaluation: the new one is on its way
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("chromium did not load " + url + " within 30 s");
            }
            Thread.sleep(50);
        }
    }

    private void received(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
                if (reply != null) {
                    reply.complete(message);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sends a DevTools command and returns its {@code result}; fails on a protocol error. */
    JsonNode send(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", params == null ? JSON.createObjectNode() : params);
        socket.sendText(command.toString(), true).get(30, TimeUnit.SECONDS);
        JsonNode message = reply.get(60, TimeUnit.SECONDS);
        if (message.has("error")) {
            throw new IllegalStateException(method + ": " + message.get("error"));
        }
        return message.get("result");
    }

    /** Evaluates {@code expression} in the page (awaiting a promise) and returns its value as JSON. */
    JsonNode eval(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("awaitPromise", true).put("returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A real mouse click (a user gesture) at page coordinates. */
    void click(double x, double y) throws Exception {
        for (String type : List.of("mousePressed", "mouseReleased")) {
            send("Input.dispatchMouseEvent", JSON.createObjectNode().put("type", type).put("x", x).put("y", y)
                    .put("button", "left").put("clickCount", 1));
        }
    }

    /** Emulates a screen of {@code width}x{@code height} CSS pixels (a phone when {@code mobile}). */
    void viewport(int width, int height, boolean mobile) throws Exception {
        send("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", mobile));
    }

    /** Saves a PNG of what the page shows now. */
    void screenshot(Path png) throws Exception {
        String data = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")).get("data").asText();
        Files.createDirectories(png.getParent());
        Files.write(png, java.util.Base64.getDecoder().decode(data));
    }

    @Override
    public void close() throws Exception {
        socket.abort();
        // chromium's helpers (network service, renderers) can outlive the browser process for a moment and keep
        // writing the profile: end them too, then delete what is left, tolerating files that vanish meanwhile
        java.util.List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle helper : helpers) {
            helper.destroyForcibly();
            helper.onExit().get(10, TimeUnit.SECONDS);
        }
        for (int attempt = 0; attempt < 5 && Files.exists(profile); attempt++) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException vanished) {
                Thread.sleep(100); // a file went away during the walk: walk again
            }
        }
    }
}
