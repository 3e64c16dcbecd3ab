import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StreamMessageWriter } from 'vscode-jsonrpc/node';
import { PassThrough } from 'node:stream';
import { encodeFrame, FrameReader } from '../../lib/src/framing.js';
import { seededRandom } from './support/random.mjs';

const collect = (options = {}) => {
  const messages = [];
  const errors = [];
  const reader = new FrameReader({ onMessage: (m) => messages.push(m), onError: (e) => errors.push(e), ...options });
  return { reader, messages, errors };
};

const sample = (i) => ({ jsonrpc: '2.0', id: i, result: { text: `é中😀 ${'x'.repeat(i * 7)}`, n: i } });

describe('FrameReader', () => {
  it('Decodes_frames_split_at_every_byte_boundary_including_inside_multibyte_characters', () => {
    const bytes = Buffer.concat([encodeFrame(sample(1)), encodeFrame(sample(2))]);
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const { reader, messages, errors } = collect();
      reader.push(bytes.subarray(0, cut));
      reader.push(bytes.subarray(cut));
      assert.deepEqual(errors, []);
      assert.deepEqual(messages, [sample(1), sample(2)], `cut at ${cut}`);
    }
  });

  it('Decodes_a_stream_of_frames_delivered_in_random_chunk_sizes', () => {
    const seed = 20261129;
    const random = seededRandom(seed);
    const expected = Array.from({ length: 200 }, (_, i) => sample(i));
    const bytes = Buffer.concat(expected.map(encodeFrame));
    for (const maxPiece of [1, 10, 64, 512, 4096]) {
      const { reader, messages, errors } = collect();
      for (let at = 0; at < bytes.length; ) {
        const size = random.int(1, maxPiece);
        reader.push(bytes.subarray(at, at + size));
        at += size;
      }
      assert.deepEqual(errors, [], `seed ${seed}, max piece ${maxPiece}`);
      assert.deepEqual(messages, expected, `seed ${seed}, max piece ${maxPiece}`);
    }
  });

  it('Reads_what_vscode_jsonrpc_writes_including_its_Content_Type_header', async () => {
    const stream = new PassThrough();
    const { reader, messages } = collect();
    stream.on('data', (chunk) => reader.push(chunk));
    const writer = new StreamMessageWriter(stream);
    await writer.write(sample(3));
    await writer.write({ jsonrpc: '2.0', method: 'note', params: { a: 'ü' } });
    assert.deepEqual(messages, [sample(3), { jsonrpc: '2.0', method: 'note', params: { a: 'ü' } }]);
  });

  it('Accepts_a_frame_of_exactly_the_limit_and_rejects_one_byte_more', () => {
    const frame = encodeFrame({ jsonrpc: '2.0', id: 1, result: 'y'.repeat(100) });
    const bodyLength = frame.length - frame.indexOf('\r\n\r\n') - 4;
    const atLimit = collect({ maxFrameBytes: bodyLength });
    atLimit.reader.push(frame);
    assert.equal(atLimit.messages.length, 1);
    const overLimit = collect({ maxFrameBytes: bodyLength - 1 });
    overLimit.reader.push(frame);
    assert.equal(overLimit.messages.length, 0);
    assert.match(overLimit.errors[0].message, new RegExp(`frame of ${bodyLength} bytes exceeds the ${bodyLength - 1}-byte limit`));
  });

  for (const [name, raw, reason] of [
    ['a_missing_Content_Length', 'Content-Type: x\r\n\r\n{}', /without a Content-Length/],
    ['a_non_numeric_Content_Length', 'Content-Length: 1e3\r\n\r\n{}', /invalid Content-Length "1e3"/],
    ['a_header_line_without_colon', 'hello world\r\n\r\n{}', /malformed header line "hello world"/],
    ['a_body_that_is_not_JSON', 'Content-Length: 5\r\n\r\n{nope', /not JSON/],
    ['an_endless_header', 'X'.repeat(9000), /header longer than/],
  ]) {
    it(`Fails_once_and_then_stays_silent_on_${name}`, () => {
      const { reader, messages, errors } = collect();
      reader.push(Buffer.from(raw));
      reader.push(encodeFrame(sample(1)));
      assert.equal(errors.length, 1);
      assert.match(errors[0].message, reason);
      assert.deepEqual(messages, []);
    });
  }

  it('Treats_header_names_case_insensitively', () => {
    const { reader, messages } = collect();
    reader.push(Buffer.from('content-LENGTH: 2\r\n\r\n{}'));
    assert.deepEqual(messages, [{}]);
  });
});
