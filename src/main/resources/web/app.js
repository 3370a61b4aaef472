"use strict";
// The Lookout page: camera tiles with live MJPEG, the event history (thumbnails; a click plays the clip), health.
// Everything shown comes from /api/ and is inserted as text, never as HTML.
const PAGE = 50;
const $ = (id) => document.getElementById(id);
const path = (s) => encodeURIComponent(s);
let offset = 0;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

async function getJson(url) {
  const r = await fetch(url, { cache: "no-store" });
  const body = await r.json().catch(() => ({ error: r.statusText }));
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function countsText(c) {
  const parts = Object.entries(c.classes).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`);
  for (const [zone, per] of Object.entries(c.zones)) {
    const inZone = Object.entries(per).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`);
    parts.push(`${zone}: ${inZone.join(", ") || "empty"}`);
  }
  for (const [line, t] of Object.entries(c.lines)) parts.push(`${line} ↑${t.in} ↓${t.out}`);
  return parts.join(" · ") || "nothing now";
}

function tile(cam) {
  let t = document.querySelector(`.camera[data-camera="${CSS.escape(cam.name)}"]`);
  if (!t) {
    t = el("article", "camera");
    t.dataset.camera = cam.name;
    const img = el("img");
    img.alt = `live view of ${cam.name}`;
    img.src = `api/cameras/${path(cam.name)}/stream.mjpg`;
    const info = el("div", "info");
    info.append(el("span", "name", cam.name), el("span", "state"), el("span", "fps"), el("span", "counts"),
      el("span", "problem"));
    t.append(img, info);
    $("cameras").append(t);
    const opt = el("option", "", cam.name);
    opt.value = cam.name;
    $("filter-camera").append(opt);
  }
  const state = t.querySelector(".state");
  state.textContent = cam.state;
  state.className = `state ${cam.state}`;
  t.querySelector(".fps").textContent = `${cam.fps.toFixed(1)} fps · detect ${cam.detect_fps.toFixed(1)}`;
  t.querySelector(".counts").textContent = countsText(cam.counts);
  t.querySelector(".problem").textContent = cam.problem || "";
}

async function refreshCameras() {
  try {
    const [node, cams] = await Promise.all([getJson("api/node"), getJson("api/cameras")]);
    $("node").textContent = `node ${node.node}`;
    $("health").textContent = `${node.live} of ${node.cameras} cameras live`;
    cams.forEach(tile);
  } catch (e) {
    $("health").textContent = `cannot reach the monitor: ${e.message}`;
  }
}

function duration(ev) {
  if (!ev.end) return "open";
  const s = Math.max(0, Math.round((Date.parse(ev.end) - Date.parse(ev.start)) / 1000));
  return (ev.end_unknown ? "~" : "") + `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

function eventRow(ev) {
  const li = el("li", "event");
  li.dataset.id = ev.id;
  const files = `api/events/${path(ev.id)}/`;
  if (ev.thumbnail || ev.snapshot) {
    const img = el("img");
    img.loading = "lazy";
    img.alt = `${ev.class} on ${ev.camera}`;
    img.src = files + (ev.thumbnail ? "thumbnail" : "snapshot");
    li.append(img);
  } else {
    li.append(el("span", "nothumb", "no image"));
  }
  const text = el("div");
  text.append(el("div", "what", `${ev.class} · ${ev.camera} · ${Math.round(ev.top_score * 100)}%`),
    el("div", "when", `${new Date(ev.start).toLocaleString()} · ${duration(ev)}`),
    el("div", "files", [ev.clip ? "clip" : "", ev.zones.join(", "), ev.lines.join(", ")]
      .filter(Boolean).join(" · ")));
  li.append(text);
  li.addEventListener("click", () => play(ev));
  return li;
}

function play(ev) {
  if (!ev.clip) {
    if (ev.snapshot) window.open(`api/events/${path(ev.id)}/snapshot`, "_blank");
    return;
  }
  $("player-title").textContent = `${ev.class} on ${ev.camera}, ${new Date(ev.start).toLocaleString()}`;
  $("player").hidden = false;
  const video = $("clip");
  // a clip may hold several events: play this one's span (media fragment: from its pre-roll, to its post-roll)
  const span = ev.clip_from == null ? "" : `#t=${ev.clip_from}` + (ev.clip_to == null ? "" : `,${ev.clip_to}`);
  video.src = `api/events/${path(ev.id)}/clip${span}`;
  video.play().catch(() => { /* autoplay refused: the controls are there */ });
  $("player").scrollIntoView({ behavior: "smooth" });
}

async function loadEvents(append) {
  offset = append ? offset + PAGE : 0;
  const q = new URLSearchParams({ limit: PAGE, offset });
  if ($("filter-camera").value) q.set("camera", $("filter-camera").value);
  if ($("filter-class").value.trim()) q.set("class", $("filter-class").value.trim());
  if ($("filter-since").value) q.set("since", $("filter-since").value);
  try {
    const events = await getJson(`api/events?${q}`);
    if (!append) $("events").replaceChildren();
    events.forEach((ev) => $("events").append(eventRow(ev)));
    if (!append && events.length === 0) $("events").append(el("li", "when", "no events match"));
    $("more").hidden = events.length < PAGE;
    $("events-problem").hidden = true;
  } catch (e) {
    $("events-problem").textContent = e.message;
    $("events-problem").hidden = false;
  }
}

$("filters").addEventListener("change", () => loadEvents(false));
$("filters").addEventListener("submit", (e) => { e.preventDefault(); loadEvents(false); });
$("more").addEventListener("click", () => loadEvents(true));
$("player-close").addEventListener("click", () => { $("clip").pause(); $("player").hidden = true; });
refreshCameras();
loadEvents(false);
setInterval(refreshCameras, 2000);
setInterval(() => { if (offset === 0) loadEvents(false); }, 10000);
