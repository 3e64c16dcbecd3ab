import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';
import { HostError } from '../../lib/src/host-error.js';
import { toConnectorError } from '../../lib/src/logto-errors.js';
import { RpcResponseError } from '../../lib/src/rpc-client.js';

describe('toConnectorError', () => {
  it('Turns_a_host_connector_failure_into_the_ConnectorError_with_its_code_and_data', () => {
    const data = { errorDescription: 'The specified mail address is not found.', Code: 'InvalidMailAddress.NotFound' };
    const error = toConnectorError(
      new RpcResponseError('sendMessage', { code: -32000, message: 'general', data: { code: 'general', data } }),
    );
    assert.ok(error instanceof ConnectorError);
    assert.equal(error.code, ConnectorErrorCodes.General);
    assert.deepEqual(error.data, data);
    assert.equal(error.message, `ConnectorError: ${JSON.stringify(data)}`);
  });

  it('Keeps_every_Logto_error_code', () => {
    for (const code of Object.values(ConnectorErrorCodes)) {
      const error = toConnectorError(new RpcResponseError('sendMessage', { code: -32000, message: code, data: { code } }));
      assert.equal(error.code, code);
    }
  });

  it('Reports_protocol_errors_and_unknown_codes_as_general_with_the_JSON_RPC_details', () => {
    const invalidParams = toConnectorError(new RpcResponseError('sendMessage', { code: -32602, message: 'to is required' }));
    assert.equal(invalidParams.code, ConnectorErrorCodes.General);
    assert.equal(invalidParams.data.errorDescription, 'The connector host rejected sendMessage: to is required (JSON-RPC error -32602).');
    assert.equal(invalidParams.data.failure, 'rejected');
    const unknown = toConnectorError(new RpcResponseError('sendMessage', { code: -32000, message: 'x', data: { code: 'made_up' } }));
    assert.equal(unknown.code, ConnectorErrorCodes.General);
    assert.deepEqual(unknown.data.rpcError.data, { code: 'made_up' });
  });

  it('Turns_a_transport_failure_into_general_with_its_sentence_kind_and_correlation_id_only', () => {
    const host = new HostError('exited', 'The connector host exited unexpectedly.', {
      signal: 'SIGKILL', stderr: ['other call: to=someone@example.com'], host: '/srv/logto/packages/x/host', inFlight: ['sendMessage'],
    });
    const error = toConnectorError(host);
    assert.equal(error.code, ConnectorErrorCodes.General);
    assert.deepEqual(error.data, {
      errorDescription: 'The connector host exited unexpectedly.',
      failure: 'exited',
      correlationId: host.correlationId,
    });
    assert.match(host.correlationId, /^[0-9a-f-]{36}$/);
    assert.notEqual(new HostError('exited', 'x').correlationId, host.correlationId);
  });

  it('Passes_a_ConnectorError_through_unchanged', () => {
    const original = new ConnectorError(ConnectorErrorCodes.NotImplemented);
    assert.equal(toConnectorError(original), original);
  });
});
