package dev.lookout.monitor;

import java.util.List;

/** A running monitor as its readers (HTTP API, web page, camera wall) see it. */
public interface MonitorView {

    /** This node's name (as in MQTT topics). */
    String node();

    /** The cameras in the configuration's order. */
    List<CameraFeed> cameras();
}
