#!/usr/bin/env node
// Checks the root .editorconfig's max_line_length on every tracked C# file, which `dotnet format` does not enforce.
// A line that holds nothing but string literals (a captured form body, a JSON fixture, a line of a raw string) is data
// and may be longer. Prints `path:line: N characters` per finding and exits 1 when there is any.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Each UTF-16 unit's kind; code is 0, what a fresh Uint8Array holds.
const STRING = 1;
const COMMENT = 2;

// What may stand beside string literals on a line that is only data: a concatenation, an argument or element
// separator, the closing parenthesis of the call the literal is the last argument of.
const DATA_PUNCTUATION = /^[\s+,;)]*$/;

/**
 * The lines of a C# source longer than max characters (Unicode code points) that are not only string literals.
 * @param {string} text
 * @param {number} max
 * @returns {{ line: number, length: number }[]}
 */
export function longLines(text, max) {
  const kinds = classify(text);
  const findings = [];
  let start = 0;
  text.split('\n').forEach((line, index) => {
    const length = [...line.replace(/\r$/, '')].length;
    if (length > max && !isOnlyStringLiterals(line, kinds, start)) {
      findings.push({ line: index + 1, length });
    }
    start += line.length + 1;
  });
  return findings;
}

function isOnlyStringLiterals(line, kinds, start) {
  let rest = '';
  let hasString = false;
  for (let i = 0; i < line.length; i += 1) {
    if (kinds[start + i] === STRING) {
      hasString = true;
    } else {
      rest += kinds[start + i] === COMMENT ? '/' : line[i];
    }
  }
  return hasString && DATA_PUNCTUATION.test(rest);
}

/**
 * Marks each UTF-16 unit of a C# source as code, string literal (prefix, quotes and u8 suffix included) or comment.
 * Interpolation holes are code, so a line that computes inside `$"..."` is not mistaken for data.
 * @param {string} text
 * @returns {Uint8Array}
 */
export function classify(text) {
  const kinds = new Uint8Array(text.length);
  const mark = (from, to, kind) => kinds.fill(kind, from, to);

  // Scans code from i; with inHole, stops at the `}` that closes an interpolation hole and returns its index.
  function code(i, inHole) {
    let depth = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '/' && text[i + 1] === '/') {
        const end = text.indexOf('\n', i);
        const stop = end < 0 ? text.length : end;
        mark(i, stop, COMMENT);
        i = stop;
      } else if (c === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        const stop = end < 0 ? text.length : end + 2;
        mark(i, stop, COMMENT);
        i = stop;
      } else if (c === "'") {
        let j = i + 1;
        while (j < text.length && text[j] !== "'" && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
        i = j + 1;
      } else if (/[$@"]/.test(c) && /^[$@]*"/.test(text.slice(i, i + 8)) && !/[\w$@]/.test(text[i - 1] ?? '')) {
        i = string(i);
      } else if (inHole && c === '{') {
        depth += 1;
        i += 1;
      } else if (inHole && c === '}') {
        if (depth === 0) return i;
        depth -= 1;
        i += 1;
      } else {
        i += 1;
      }
    }
    return i;
  }

  // Scans the string literal that starts at i (at its prefix); returns the index after it.
  function string(i) {
    const start = i;
    const prefix = /^[$@]*/.exec(text.slice(i, i + 8))[0];
    const dollars = prefix.split('$').length - 1;
    const verbatim = prefix.includes('@');
    i += prefix.length;
    const quotes = /^"*/.exec(text.slice(i))[0].length;

    if (quotes >= 3) return raw(start, i + quotes, quotes, dollars);
    if (quotes === 2) return finish(start, i + 2);

    i += 1;
    let from = start;
    while (i < text.length) {
      const c = text[i];
      if (c === '"' && verbatim && text[i + 1] === '"') {
        i += 2;
      } else if (c === '"') {
        mark(from, i + 1, STRING);
        return finish(i + 1, i + 1);
      } else if (c === '\\' && !verbatim) {
        i += 2;
      } else if (c === '\n' && !verbatim) {
        break;
      } else if (dollars > 0 && (c === '{' || c === '}') && text[i + 1] === c) {
        i += 2;
      } else if (dollars > 0 && c === '{') {
        mark(from, i + 1, STRING);
        const close = code(i + 1, true);
        from = close;
        i = close + 1;
      } else {
        i += 1;
      }
    }
    mark(from, i, STRING);
    return i;
  }

  // Scans a raw string from i (after its opening quotes) to the first run of as many quotes; with n dollars, a run of
  // n or more braces ends in a hole of code closed by n braces.
  function raw(start, i, quotes, dollars) {
    const close = '"'.repeat(quotes);
    let from = start;
    while (i < text.length && !text.startsWith(close, i)) {
      const braces = /^\{*/.exec(text.slice(i, i + 64))[0].length;
      if (dollars > 0 && braces >= dollars) {
        mark(from, i + braces, STRING);
        const end = code(i + braces, true);
        from = end;
        i = end + dollars;
      } else {
        i += Math.max(braces, 1);
      }
    }
    mark(from, i, STRING);
    return finish(i, Math.min(i + quotes, text.length));
  }

  // Marks start..end as string, with a u8 suffix after it, and returns the index after both.
  function finish(start, end) {
    const stop = text.startsWith('u8', end) ? end + 2 : end;
    mark(start, stop, STRING);
    return stop;
  }

  code(0, false);
  return kinds;
}

/**
 * The root .editorconfig's max_line_length for C# files (the last one set by a `[*]` or `[*.cs]` section).
 * @param {string} editorconfig
 * @returns {number}
 */
export function maxLineLength(editorconfig) {
  let section = '';
  let max;
  for (const raw of editorconfig.split('\n')) {
    const line = raw.trim();
    const header = /^\[(.*)\]$/.exec(line);
    if (header) section = header[1];
    const setting = /^max_line_length\s*=\s*(\d+)$/.exec(line);
    if (setting && (section === '*' || section === '*.cs')) max = Number(setting[1]);
  }
  if (max === undefined) throw new Error('.editorconfig sets no max_line_length for *.cs');
  return max;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const max = maxLineLength(readFileSync(join(root, '.editorconfig'), 'utf8'));
  const files = execFileSync('git', ['ls-files', '-z', '--', '*.cs'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  let count = 0;
  for (const file of files) {
    for (const { line, length } of longLines(readFileSync(join(root, file), 'utf8'), max)) {
      console.log(`${file}:${line}: ${length} characters`);
      count += 1;
    }
  }
  if (count > 0) {
    console.log(`${count} C# line(s) longer than ${max} characters`);
    process.exit(1);
  }
}
