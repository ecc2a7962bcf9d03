/** Status codes whose responses never carry a body (the Response constructor rejects one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A fetch that gives up after `timeoutMs`, for the whole exchange: connecting, waiting for the
 * headers and reading the body. The body is buffered under the same deadline, so a server that
 * stalls half-way through an answer times out instead of yielding a truncated body. On timeout
 * the promise rejects with the `TimeoutError` DOMException of `AbortSignal.timeout`.
 */
export function createTimeoutFetch(
  timeoutMs: number,
  fetchImpl: typeof fetch = fetch,
): typeof fetch {
  return async (input, init = {}) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    const response = await fetchImpl(input, { ...init, signal });
    const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
    const buffered = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    // Octokit reports `response.url`; a constructed Response would otherwise have ''.
    Object.defineProperty(buffered, 'url', { value: response.url });
    return buffered;
  };
}
