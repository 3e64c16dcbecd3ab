import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StderrLog } from '../../lib/src/stderr-log.js';

function log(tailSize) {
  const lines = [];
  const at = (level) => (line) => lines.push([level, line]);
  return { lines, stderr: new StderrLog({ logger: { error: at('error'), warn: at('warn'), info: at('info') }, prefix: '[p]', tailSize }) };
}

describe('StderrLog', () => {
  it('Logs_each_line_with_the_prefix_at_the_level_the_host_formatter_wrote', () => {
    const { lines, stderr } = log();
    stderr.push(
      Buffer.from(
        [
          '2026-11-29T20:11:03.016Z info: Logto.ConnectorHost[102] validateConfig failed',
          'warn: Host[1] slow',
          '      continuation of the warning',
          '2026-11-29T20:11:03.016Z fail: Host[9] boom',
          'Unhandled exception. System.Exception: crash',
          '',
        ].join('\n'),
      ),
    );
    assert.deepEqual(lines, [
      ['info', '[p] 2026-11-29T20:11:03.016Z info: Logto.ConnectorHost[102] validateConfig failed'],
      ['warn', '[p] warn: Host[1] slow'],
      ['warn', '[p]       continuation of the warning'],
      ['error', '[p] 2026-11-29T20:11:03.016Z fail: Host[9] boom'],
      ['error', '[p] Unhandled exception. System.Exception: crash'],
    ]);
  });

  it('Joins_lines_and_characters_split_across_chunks_and_flushes_a_last_line_without_newline', () => {
    const { lines, stderr } = log();
    const bytes = Buffer.from('info: 中文\r\ninfo: end');
    for (let i = 0; i < bytes.length; i += 1) stderr.push(bytes.subarray(i, i + 1));
    stderr.flush();
    assert.deepEqual(lines, [['info', '[p] info: 中文'], ['info', '[p] info: end']]);
  });

  it('Keeps_only_the_last_lines_for_crash_reports', () => {
    const { stderr } = log(3);
    stderr.push(Buffer.from('a\nb\nc\nd\ne\n'));
    assert.deepEqual(stderr.tail(), ['c', 'd', 'e']);
  });
});
