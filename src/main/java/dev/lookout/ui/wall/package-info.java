/**
 * The camera wall ({@code lookout live --config lookout.yml}): every camera of a configuration as live tiles in
 * one window, run by the same {@link dev.lookout.monitor.Monitor} as {@code lookout monitor}.
 *
 * <p>{@code WallLauncher} loads the file and the detector and opens the {@code CameraWall}. A {@code WallSession}
 * runs the monitor (and restarts it when the setup changes, except for lines and zones, which the running camera takes
 * over); each camera's {@code WallTile} listens to the
 * monitor's frames ({@link dev.lookout.monitor.CameraFeed#onCameraFrame}): {@code TileFrames} hands them to the
 * event thread through a few reused images, {@code CameraTile} paints them with the camera's overlay, name, state
 * and rates, {@code CameraActions} saves snapshots and recordings of an enlarged camera, and the live window's
 * {@link dev.lookout.ui.RegionEditor} over its tile draws its lines and zones. Every camera's events
 * reach the {@code WallEventList} through {@code WallEvents}, a bounded sink of the monitor. {@code WallSetup} is
 * the configuration as the menus edit it ({@code WallEdits}, {@code CameraDialog}), checked as
 * {@code check-config} checks a file and saved back to it.
 */
package dev.lookout.ui.wall;
