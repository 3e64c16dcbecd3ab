import { readFileSync } from 'node:fs';

/** True when the process no longer runs: no /proc entry, or a zombie nobody has reaped yet. */
export function isGone(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}
