// Just enough of ELF64 (little-endian) to read what a published host binary asks of the system: its program interpreter
// (PT_INTERP: glibc's ld-linux or musl's ld-musl) and its CPU, without depending on binutils being installed.
import { closeSync, openSync, readSync } from 'node:fs';

const PT_INTERP = 3;

function readAt(fd, offset, length) {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, offset);
  return buffer.subarray(0, read);
}

/** The interpreter path an ELF64 executable requests, or null when it has none (static) or is not ELF64 LE. */
export function elfInterpreter(file) {
  const fd = openSync(file, 'r');
  try {
    const header = readAt(fd, 0, 64);
    const isElf64Le = header.length === 64 && header.readUInt32BE(0) === 0x7f454c46 && header[4] === 2 && header[5] === 1;
    if (!isElf64Le) return null;
    const programHeaders = Number(header.readBigUInt64LE(0x20));
    const entrySize = header.readUInt16LE(0x36);
    const count = header.readUInt16LE(0x38);
    for (let i = 0; i < count; i += 1) {
      const entry = readAt(fd, programHeaders + i * entrySize, entrySize);
      if (entry.readUInt32LE(0) !== PT_INTERP) continue;
      const offset = Number(entry.readBigUInt64LE(0x08));
      const size = Number(entry.readBigUInt64LE(0x20));
      return readAt(fd, offset, size).toString('latin1').replace(/\0+$/, '');
    }
    return null;
  } finally {
    closeSync(fd);
  }
}

const machines = { 62: 'x64', 183: 'arm64' };

/** The CPU an ELF64 executable is built for, by .NET's name for it (x64, arm64), or e_machine's number for another. */
export function elfMachine(file) {
  const fd = openSync(file, 'r');
  try {
    const machine = readAt(fd, 0x12, 2).readUInt16LE(0);
    return machines[machine] ?? machine;
  } finally {
    closeSync(fd);
  }
}

// The signature .NET's single-file host carries before its bundle header (SHA-256 of ".net core bundle"); a Native AOT
// executable has none.
const bundleSignature = Buffer.from('8b1202b96a612038727b930214d7a03213f5b9e6efae3318ee3b2dce24b36aae', 'hex');

/** Whether `file` is a .NET single-file bundle (apphost with embedded assemblies) rather than a Native AOT binary. */
export function isSingleFileBundle(file) {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    let position = 0;
    let carry = Buffer.alloc(0);
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, position);
      if (read === 0) return false;
      const window = Buffer.concat([carry, chunk.subarray(0, read)]);
      if (window.includes(bundleSignature)) return true;
      carry = window.subarray(Math.max(0, window.length - bundleSignature.length + 1));
      position += read;
    }
  } finally {
    closeSync(fd);
  }
}
