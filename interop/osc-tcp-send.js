#!/usr/bin/env node
// Sends OSC packets to a TCP server with osc.js (npm "osc"), whose TCPSocketPort frames every
// packet with SLIP (OSC 1.1), an END before and after. Used by the sensors' interop tests.
//
// Usage: node osc-tcp-send.js HOST PORT PACKETS_JSON
//   PACKETS_JSON: an array of osc.js packets, e.g.
//   '[{"address":"/fader","args":[{"type":"f","value":0.5}]},
//     {"timeTag":{"raw":[0,1]},"packets":[{"address":"/a","args":[{"type":"i","value":1}]}]}]'
//   A blob argument ("type":"b") is given as a hex string.
// Exits 0 once every packet is written and the connection is closed, non-zero on any error.
"use strict";

const osc = require("osc");

const [host, portText, packetsJson] = process.argv.slice(2);
if (!host || !portText || !packetsJson) {
    console.error("usage: node osc-tcp-send.js HOST PORT PACKETS_JSON");
    process.exit(64);
}

function withBlobs(packet) {
    if (packet.packets) {
        return Object.assign({}, packet, {packets: packet.packets.map(withBlobs)});
    }
    const args = (packet.args || []).map(arg =>
        arg.type === "b" ? {type: "b", value: Uint8Array.from(Buffer.from(arg.value, "hex"))} : arg);
    return Object.assign({}, packet, {args});
}

const packets = JSON.parse(packetsJson).map(withBlobs);
const port = new osc.TCPSocketPort({address: host, port: Number(portText)});

// Never hang a test run: give up after a few seconds.
setTimeout(() => {
    console.error("osc-tcp-send: timed out");
    process.exit(2);
}, 5000).unref();

port.on("error", err => {
    console.error("osc-tcp-send: " + (err && err.message ? err.message : err));
    process.exit(1);
});
port.on("ready", () => {
    for (const packet of packets) {
        port.send(packet);
    }
    port.close(); // socket.end(): flushes what was written, then sends FIN
});
port.on("close", () => process.exit(0));
port.open();
