/**
 * {@code lookout.yml}: the configuration of a node's cameras, storage, retention, MQTT, HTTP and webhooks, as
 * immutable records ({@link dev.lookout.config.LookoutConfig} and its parts). {@link dev.lookout.config.ConfigFile}
 * loads a file, checking everything before anything starts and reporting every problem at once with its line and
 * column ({@link dev.lookout.config.ConfigException}), and saves a configuration back. No password ever appears in
 * a message or a record's {@code toString()}; a password read from {@code password_file:} or a
 * {@code ${VAR}} reference is saved back as that reference. The keys are documented in {@code docs/CONFIG.md}.
 */
package dev.lookout.config;
