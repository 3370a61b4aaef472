/**
 * What happened to a watched object, separate from what to do about it: the tracker and its event builder emit
 * {@link dev.lookout.event.EventChange}s ({@code new}, {@code update}, {@code end}); sinks (clips, snapshots, the
 * store, MQTT, webhooks, HTTP, the window) subscribe as {@link dev.lookout.event.EventSink}s and never block the
 * pipeline that emits them. No Swing, no I/O here.
 */
package dev.lookout.event;
