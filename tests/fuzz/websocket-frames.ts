// Just enough of WebSocket framing (RFC 6455 §5) to send one text message as a client
// and read the first frame the server sends back, over a raw socket.

/** A client's text frame of up to 64 KiB: clients must mask (RFC 6455 §5.3), with any mask. */
export function maskedTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const length =
    payload.length < 126
      ? Buffer.from([0x80 | payload.length])
      : Buffer.from([0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  const masked = payload.map((byte, i) => byte ^ (mask[i % 4] as number));
  return Buffer.concat([Buffer.from([0x81]), length, mask, masked]);
}

/** The payload of the first complete (unmasked) server frame, or undefined while incomplete. */
export function firstFrame(bytes: Buffer): string | undefined {
  if (bytes.length < 2) return undefined;
  const short = (bytes[1] as number) & 0x7f;
  const [start, length] =
    short === 126
      ? [4, bytes.readUInt16BE(2)]
      : short === 127
        ? [10, Number(bytes.readBigUInt64BE(2))]
        : [2, short];
  if (bytes.length < start + length) return undefined;
  const opcode = (bytes[0] as number) & 0x0f;
  return opcode === 0x8 ? 'close' : bytes.subarray(start, start + length).toString('utf8');
}
