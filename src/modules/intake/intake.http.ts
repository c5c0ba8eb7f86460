import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * One polite, bounded HTTP GET: conditional (ETag, Last-Modified), a timeout over the whole
 * exchange (headers and body), a size limit checked while the body streams in, and redirects
 * followed by hand so that a loop or a long chain ends with a clear error. Errors are `FetchError`s
 * whose message is written for the source's health line ("timed out after 10 s").
 */
export type FetchLimits = {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /**
   * Off by default: editors and monitors give the addresses, and the server must not become their
   * way into the machine itself or its network (127.0.0.1, 10.0.0.0/8, cloud metadata at
   * 169.254.169.254). Each hop's host is resolved and checked before it is asked.
   */
  allowPrivateAddresses: boolean;
};

export const defaultFetchLimits: FetchLimits = {
  timeoutMs: 15_000,
  maxBytes: 3 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'sozwatch-intake/1 (+media monitoring; one request per host at a time)',
  allowPrivateAddresses: false,
};

const privateRanges = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv6');
}

async function assertPublicHost(url: URL) {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await lookup(host, { all: true }).catch(() => []);
  if (addresses.length === 0) throw new FetchError(`could not connect: no address found for ${host}`);
  for (const { address, family } of addresses) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    const blocked = mapped
      ? privateRanges.check(mapped, 'ipv4')
      : privateRanges.check(address, family === 6 ? 'ipv6' : 'ipv4');
    if (blocked) {
      throw new FetchError(
        `refused: ${host} is a private or local address (${address}); set INTAKE_ALLOW_PRIVATE_ADDRESSES=1 to allow it`,
      );
    }
  }
}

export type Validators = { etag: string | null; lastModified: string | null };

export type FetchResult =
  | { status: 'not_modified'; url: string }
  | {
      status: 'ok';
      /** The address after redirects. */
      url: string;
      bytes: Uint8Array;
      contentType: string | null;
      validators: Validators;
    };

export class FetchError extends Error {
  override name = 'FetchError';
}

export async function fetchLimited(
  url: string,
  validators: Validators,
  limits: FetchLimits = defaultFetchLimits,
): Promise<FetchResult> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const seen = new Set<string>();
  let current = url;
  try {
    for (let hop = 0; ; hop += 1) {
      seen.add(current);
      if (!limits.allowPrivateAddresses) await assertPublicHost(new URL(current));
      const headers: Record<string, string> = {
        'user-agent': limits.userAgent,
        accept:
          'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, text/html;q=0.8, */*;q=0.5',
      };
      // Validators belong to the address they came from: only the first request sends them.
      if (hop === 0 && validators.etag) headers['if-none-match'] = validators.etag;
      if (hop === 0 && validators.lastModified) headers['if-modified-since'] = validators.lastModified;
      const response = await fetch(current, { headers, redirect: 'manual', signal });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) throw new FetchError(`HTTP ${response.status} without a Location header`);
        const next = new URL(location, current).toString();
        if (seen.has(next))
          throw new FetchError(`redirect loop: ${next} redirects back to an address already visited`);
        if (hop + 1 > limits.maxRedirects) throw new FetchError(`more than ${limits.maxRedirects} redirects`);
        if (!/^https?:$/.test(new URL(next).protocol))
          throw new FetchError(`redirect to a non-http address: ${next}`);
        current = next;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { status: 'not_modified', url: current };
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new FetchError(
          `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
        );
      }
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      if (declared > limits.maxBytes) {
        await response.body?.cancel();
        throw new FetchError(tooLarge(limits.maxBytes));
      }
      const bytes = await readLimited(response, limits.maxBytes);
      return {
        status: 'ok',
        url: current,
        bytes,
        contentType: response.headers.get('content-type'),
        validators: {
          etag: response.headers.get('etag'),
          lastModified: response.headers.get('last-modified'),
        },
      };
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (signal.aborted) throw new FetchError(`timed out after ${Math.round(limits.timeoutMs / 100) / 10} s`);
    throw new FetchError(`could not connect: ${describeNetworkError(error)}`);
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError(tooLarge(maxBytes));
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): string {
  return `the answer is larger than the limit of ${Math.round(maxBytes / 1024)} KB`;
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error) {
    const code = (cause as { code?: string }).code;
    return code ? `${code} ${cause.message}`.trim() : cause.message;
  }
  return String(cause);
}
