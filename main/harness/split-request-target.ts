// `new URL(req.url, base)` reads `//other-host/x` as a URL of another host; the harness only ever wants the path
// (still percent-encoded, for resolveStaticPath) and the query of the request target, taken literally.

/** The path and query parameters of a request target such as `/__harness/stage?name=a.txt`. */
export interface RequestTarget {
  readonly pathname: string;
  readonly searchParams: URLSearchParams;
}

/** Splits a request target at its first `?` (a fragment never reaches a server). */
export function splitRequestTarget(target: string | undefined): RequestTarget {
  const text = target ?? '/';
  const question = text.indexOf('?');
  return question < 0
    ? { pathname: text, searchParams: new URLSearchParams() }
    : { pathname: text.slice(0, question), searchParams: new URLSearchParams(text.slice(question + 1)) };
}
