/**
 * TUIO input: touch tables and camera trackers sending TUIO 1.1 or 2.0 (OSC bundles over UDP,
 * port 3333 by default) become touch events in the engine's input ring.
 *
 * <h2>Wiring</h2>
 * The app creates one {@link org.vernissage.sensors.tuio.TuioReceiver} per port with the ring as
 * its {@link org.vernissage.engine.pipeline.InputSink}, the engine {@link
 * org.vernissage.engine.clock.Clock} and {@link org.vernissage.sensors.tuio.TuioSettings#DEFAULT},
 * calls {@code start()} after the ring is started (a busy port is a
 * {@link org.vernissage.sensors.SensorStartException}) and {@code close()} before the ring is
 * closed. Its thread is "vernissage-tuio-PORT"; its counters,
 * {@link org.vernissage.sensors.tuio.TuioReceiver#stats()}, are a
 * {@link org.vernissage.sensors.SourceCounters} named like "TUIO udp 0.0.0.0:3333".
 *
 * <h2>What reaches the engine</h2>
 * One {@link org.vernissage.engine.pipeline.InputBatch} per complete frame (TUIO 1.1: up to
 * {@code fseq}; TUIO 2: {@code /tuio2/frm} to {@code /tuio2/alv}), all or nothing, of ADDED,
 * UPDATED and REMOVED touch events: 2Dcur and pointers are CURSORs, 2Dobj and tokens OBJECTs
 * (with their class id and angle), 2Dblb and bounds-only sessions BLOBs (with their angle).
 * Positions 0..1 (clamped), velocities as the tracker reports them, events due on arrival.
 * Between frames, points still alive are re-sent as UPDATED at least every 250 ms of engine time,
 * so the conductor's 1 s touch timeout ends them only when their tracker stops talking.
 *
 * <h2>Rules, in one place</h2>
 * <ul>
 *   <li>Sources: a sender address and port, plus the source name it declares, plus its protocol
 *       generation; source ids are {@code sourceIdBase}, +1, ... in order of first appearance,
 *       stable while the receiver runs ({@link org.vernissage.sensors.tuio.TuioSources}).</li>
 *   <li>Frame order, per source and profile: newer numbers apply; equal numbers apply only as the
 *       next part of a frame split over datagrams; older numbers are late and dropped, unless the
 *       source was silent 500 ms or jumped back more than 100 frames (a restart: its old points
 *       are removed); TUIO 1.1 fseq 0 and -1 and TUIO 2 frame id 0 always apply
 *       ({@link org.vernissage.sensors.tuio.FrameOrder}).</li>
 *   <li>A source silent for 2 s is forgotten (points and frame numbers), so a restarted tracker
 *       starts clean; its points are not removed by us but time out in the conductor.</li>
 *   <li>Bad input is refused per message (one bad set does not spoil its frame), counted per
 *       {@link org.vernissage.sensors.tuio.TuioRejection} and logged once per reason; a frame a
 *       datagram leaves unfinished is refused whole.</li>
 *   <li>Nothing is allocated per datagram or frame once a source is registered: every table is
 *       sized from {@link org.vernissage.sensors.tuio.TuioSettings} up front, and what does not
 *       fit is dropped and counted ({@link org.vernissage.sensors.tuio.TuioDropReason}).</li>
 * </ul>
 */
package org.vernissage.sensors.tuio;
