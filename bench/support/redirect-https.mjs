// Points the official @logto/connector-aliyun-dm at a local Direct Mail fake: it hard-codes https://dm*.aliyuncs.com/ and
// sends with got, which calls https.request through the module object, so replacing that property redirects it.
// Requests to *.aliyuncs.com become plain HTTP to the fake (method, path, headers, body kept); every other host is untouched.
// An undici mock or proxy variables would not work: got goes through https.request, not fetch, and ignores HTTP(S)_PROXY.
import http from 'node:http';
import https from 'node:https';

/** `onHost(host)` sees each Aliyun host a request was meant for. Returns a function that undoes the patch. */
export function redirectAliyunTo(endpoint, onHost = () => {}) {
  const target = new URL(endpoint);
  const original = https.request;
  https.request = function request(input, options, callback) {
    const isUrl = typeof input === 'string' || input instanceof URL;
    const url = isUrl ? new URL(input) : undefined;
    let opts = options;
    let cb = callback;
    if (isUrl && typeof opts === 'function') [cb, opts] = [opts, {}];
    if (!isUrl) [cb, opts] = [options, input];
    const host = url?.hostname ?? opts?.hostname ?? opts?.host;
    if (!String(host).endsWith('.aliyuncs.com')) return original.apply(https, arguments);
    onHost(host);

    // TLS-only and agent options would be rejected or misused by http.request.
    const { agent, ca, cert, key, rejectUnauthorized, servername, checkServerIdentity, protocol, hostname, port, ...rest } = opts ?? {};
    return http.request(
      {
        ...rest,
        protocol: 'http:',
        host: target.hostname,
        hostname: target.hostname,
        port: target.port,
        path: url ? url.pathname + url.search : opts.path,
        headers: { ...opts?.headers, 'x-original-host': host },
      },
      cb,
    );
  };
  return () => {
    https.request = original;
  };
}
