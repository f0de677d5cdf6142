// Sends OSC packets encoded by osc.js (npm "osc") to 127.0.0.1:PORT over UDP, one datagram per
// packet, in order, then exits 0 (1 on any error). Used by the sensors' OSC interop tests.
//
//   node interop/osc-udp-send.js PORT 'PACKETS_JSON'
//
// PACKETS_JSON is an array of osc.js packets in its "metadata" form ({address, args: [{type,
// value}]}, bundles {timeTag, packets}), with a few JSON-friendly spellings converted here:
//   timeTag {"secondsFromNow": s}  -> osc.timeTag(s): osc.js computes the NTP time from Date.now()
//   timeTag {"raw": [sec, frac]}   -> passed as is (an exact NTP time tag)
//   h value {"high": n, "low": n}  -> passed as is (osc.js writes int64 from high/low words)
//   b and m values [bytes...]      -> Uint8Array
// Arrays of arguments are nested JSON arrays in "args", as in osc.js.
"use strict";

const dgram = require("dgram");
const path = require("path");
const osc = require(path.join(__dirname, "node_modules", "osc"));

function convertArgs(args) {
    return args.map((arg) => {
        if (Array.isArray(arg)) {
            return convertArgs(arg);
        }
        if ((arg.type === "b" || arg.type === "m") && Array.isArray(arg.value)) {
            return { type: arg.type, value: Uint8Array.from(arg.value) };
        }
        return arg;
    });
}

function convertPacket(packet) {
    if (packet.packets !== undefined) {
        const tag = packet.timeTag || {};
        const timeTag = tag.secondsFromNow !== undefined ? osc.timeTag(tag.secondsFromNow) : tag;
        return { timeTag: timeTag, packets: packet.packets.map(convertPacket) };
    }
    return { address: packet.address, args: convertArgs(packet.args || []) };
}

function main() {
    const port = Number(process.argv[2]);
    if (!Number.isInteger(port) || port <= 0 || port > 65535 || process.argv.length !== 4) {
        console.error("usage: node osc-udp-send.js PORT 'PACKETS_JSON'");
        process.exit(2);
    }
    const packets = JSON.parse(process.argv[3]).map(convertPacket);
    const encoded = packets.map((packet) => Buffer.from(osc.writePacket(packet, { metadata: true })));
    const socket = dgram.createSocket("udp4");
    socket.on("error", (error) => {
        console.error("osc-udp-send: " + error.message);
        process.exit(1);
    });
    // Send one after the other, each after the previous one left, then close.
    const sendNext = (i) => {
        if (i === encoded.length) {
            socket.close();
            return;
        }
        socket.send(encoded[i], port, "127.0.0.1", (error) => {
            if (error) {
                console.error("osc-udp-send: " + error.message);
                process.exit(1);
            }
            console.log("sent " + encoded[i].length + " bytes: " + encoded[i].toString("hex"));
            sendNext(i + 1);
        });
    };
    sendNext(0);
}

main();
