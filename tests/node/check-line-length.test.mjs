import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { longLines, maxLineLength } from '../../scripts/check-line-length.mjs';

const long = (text) => longLines(text, 40).map(({ line }) => line);
const filler = 'x'.repeat(40);
const q3 = '"""';

describe('check-line-length', () => {
  it('Reports_code_and_comment_lines_over_the_limit_counting_code_points', () => {
    const text = [
      `var a = Call(${filler});`,
      `// ${filler}`,
      `var b = 1; // ${filler}`,
      `var s = "${filler}";`,
      `Assert.Equal("${filler}", x);`,
      `var h = $"{Format("${filler}", value)}";`,
      `var r = $$${q3}{{Format("${filler}", value)}}${q3};`,
      `// ${'😀'.repeat(30)}`,
      `"😀".Length ${'😀'.repeat(30)}`,
    ].join('\n');
    assert.deepEqual(long(text), [1, 2, 3, 4, 5, 6, 7, 9]);
    assert.equal(longLines(`// ${'😀'.repeat(50)}`, 40)[0].length, 53);
  });

  it('Exempts_lines_that_are_only_string_literals', () => {
    const text = [
      'Send(',
      `    "${filler}",`,
      `    @"${filler} ""quoted""" +`,
      `    "${filler}" + "${filler}");`,
      `${q3}{"data":"${filler}"}${q3}u8,`,
      `$"{{${filler}}}");`,
      'var json =',
      `    ${q3}`,
      `    {"key":"${filler}", "escape":"\\"", 'single'}`,
      `    ${q3};`,
      `var verbatim = @"first line`,
      `${filler} "" still inside`,
      `end";`,
      `var c = '"'; var d = "${filler}";`,
    ].join('\n');
    assert.deepEqual(long(text), [14]);
  });

  it('Reads_the_limit_from_the_editorconfig_sections_for_CSharp', () => {
    assert.equal(maxLineLength('root = true\n[*]\nmax_line_length = 140\n[*.md]\nmax_line_length = 80\n'), 140);
    assert.equal(maxLineLength('[*]\nmax_line_length = 140\n[*.cs]\nmax_line_length = 120\n'), 120);
    assert.throws(() => maxLineLength('[*.md]\nmax_line_length = 80\n'));
  });

  it('Exits_1_with_path_line_and_length_for_a_tracked_file_and_0_when_clean', () => {
    const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
    const run = spawnSync(process.execPath, ['scripts/check-line-length.mjs'], { cwd: root, encoding: 'utf8' });
    for (const line of run.stdout.trim().split('\n').filter((l) => l.includes('.cs:'))) {
      assert.match(line, /^[\w./-]+\.cs:\d+: \d+ characters$/);
    }
    assert.equal(run.status, run.stdout.includes('.cs:') ? 1 : 0, run.stdout);
  });
});
