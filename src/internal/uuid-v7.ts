// UUID v7 (RFC 9562): 48-bit Unix-ms timestamp, version and variant bits, the rest random.
// Ours rather than the `uuid` package: it is 30 lines, sits on the per-run hot path, and we
// want ids that stay sortable within one millisecond (a counter in the random bits).

const bytes = new Uint8Array(16);
const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
let lastMs = -1;
let counter = 0;

/** Generates a UUID v7 string: time-ordered, monotonic within this process. */
export function uuidv7(now: number = Date.now()): string {
  crypto.getRandomValues(bytes);
  if (now <= lastMs) {
    // Same (or earlier) millisecond: keep ordering with a 12-bit counter in rand_a.
    counter = (counter + 1) & 0xfff;
    if (counter === 0) lastMs += 1;
    now = lastMs;
  } else {
    lastMs = now;
    counter = bytes[6]! & 0x07; // start low so the counter rarely wraps
  }
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  let out = "";
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += "-";
    out += HEX[bytes[i]!];
  }
  return out;
}
