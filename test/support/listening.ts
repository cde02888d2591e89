import { readFileSync } from "node:fs";
import { connect } from "node:net";

/** IPv4 in /proc/net/tcp is one little-endian word: 0100007F is 127.0.0.1. */
const ipv4 = (hex: string) => [6, 4, 2, 0].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(".");

/** IPv6 in /proc/net/tcp6 is four little-endian words; written out in full (no :: shortening). */
function ipv6(hex: string): string {
  const bytes: string[] = [];
  for (let word = 0; word < 4; word++) {
    const w = hex.slice(word * 8, word * 8 + 8);
    bytes.push(w.slice(6, 8), w.slice(4, 6), w.slice(2, 4), w.slice(0, 2));
  }
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(String(parseInt(bytes[i]! + bytes[i + 1]!, 16).toString(16)));
  const full = groups.join(":");
  return full.startsWith("0:0:0:0:0:ffff:") ? `::ffff:${ipv4(hex.slice(24))}` : full === "0:0:0:0:0:0:0:1" ? "::1" : full === "0:0:0:0:0:0:0:0" ? "::" : full;
}

/**
 * The local addresses of every socket listening on TCP `port`, read from the kernel's tables
 * (/proc/net/tcp and tcp6, which need no extra tools): "127.0.0.1", "::1", "::ffff:127.0.0.1", or "0.0.0.0" / "::" for every interface.
 */
export function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const [file, decode] of [["/proc/net/tcp", ipv4], ["/proc/net/tcp6", ipv6]] as const) {
    let table: string;
    try {
      table = readFileSync(file, "utf8");
    } catch {
      continue; // no IPv6 on this machine
    }
    for (const line of table.split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== "0A") continue; // 0A: LISTEN
      const [address, hexPort] = local.split(":");
      if (parseInt(hexPort!, 16) === port) found.push(decode(address!));
    }
  }
  return found;
}

export const isLoopbackAddress = (address: string) => address.startsWith("127.") || address === "::1" || address.startsWith("::ffff:127.");

/** Whether a TCP connection to host:port is accepted (only ever called with loopback addresses). */
export function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(false));
  });
}
