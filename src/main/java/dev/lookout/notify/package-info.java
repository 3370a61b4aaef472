/**
 * Telling other systems what the cameras see: MQTT ({@link dev.lookout.notify.mqtt}) and webhooks
 * ({@link dev.lookout.notify.webhook}). Every sink here is a {@link dev.lookout.event.EventSink} that returns at
 * once: work goes to a bounded queue served by the sink's own thread, and what does not fit is dropped and counted.
 * Payloads use {@link dev.lookout.event.EventJson}'s one JSON form; credentials never reach a log.
 */
package dev.lookout.notify;
