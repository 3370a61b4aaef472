/**
 * The web page and HTTP API of a running monitor ({@code monitor --http [ADDRESS:]PORT}), on the JDK's own
 * {@code com.sun.net.httpserver}: Javalin 7.2 resolves and runs on Java 17, but brings 36 jars (Jetty 12 with its
 * servlet, WebSocket, annotation and JNDI modules, CDI and ASM, the Kotlin runtime) for a dozen GET endpoints that
 * the JDK serves as well.
 *
 * <p>Use: {@code WebServer web = WebServer.start(monitorView, storeReader, httpConfig)} once the cameras and the
 * store are up; {@code web.close()} when the monitor stops. {@link dev.lookout.web.HttpBind#parse} reads the
 * {@code [ADDRESS:]PORT} of {@code --http} over the file's {@code http:} (the password stays the file's). {@link dev.lookout.web.WebServerException} says why it
 * cannot start (a non-loopback bind without {@code http: password:}, a port in use).
 *
 * <p>Hostile clients meet {@link dev.lookout.web.Gate} first (connection cap, header and idle timeouts, malformed
 * requests), then {@link dev.lookout.web.HostCheck} on the loopback (DNS rebinding), then the password.
 *
 * <p>Endpoints (GET and HEAD; JSON errors {@code {"error": "..."}} with 400/401/403/404/405/408/416/421/431/503, never
 * a stack trace):
 * <ul>
 *   <li>{@code /} the page ({@code index.html}, {@code app.js}, {@code style.css} from the jar's {@code web/});</li>
 *   <li>{@code /api/node}: the node's name, cameras and how many are live;</li>
 *   <li>{@code /api/cameras}: name, state, source (credentials masked), fps, detection statistics, problem, counts
 *       per class, zone and line;</li>
 *   <li>{@code /api/cameras/{name}/latest.jpg}, {@code /api/cameras/{name}/stream.mjpg} (live annotated MJPEG);</li>
 *   <li>{@code /api/events?camera=&class=&since=&until=&limit=&offset=}: a JSON array of events in the form
 *       {@code lookout events --json} prints, newest first;</li>
 *   <li>{@code /api/events/{id}} and {@code /api/events/{id}/snapshot|thumbnail|clip} (with range requests).</li>
 * </ul>
 */
package dev.lookout.web;
