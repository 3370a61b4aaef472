/**
 * The event store of a storage folder: events and the files that show them (clips, snapshots, continuous
 * recordings) in SQLite, written by one thread so the pipeline never waits for the disk
 * ({@link dev.lookout.store.EventStore}, an {@link dev.lookout.event.EventSink}); retention by age, total size and
 * free space; recovery after a crash; and the read-only query API ({@link dev.lookout.store.StoreReader}) used by
 * {@code lookout events} and the web page. {@link dev.lookout.store.StorageLayout} says where everything lives.
 */
package dev.lookout.store;
