import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { currentUser, signIn } from '../auth/auth';

/**
 * An answer the API refused, with its RFC 9457 problem: the violations name field and rule, and some carry the values
 * the refusal turns on (params); a 403's role.missing names the roles that may.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: { title?: string; detail?: string; violations?: (components['schemas']['Violation'] & { roles?: string[] })[] },
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

const bearer: Middleware = {
  async onRequest({ request }) {
    const user = await currentUser();
    if (user) request.headers.set('Authorization', `Bearer ${user.access_token}`);
    return request;
  },
  async onResponse({ response }) {
    if (response.status === 401) {
      // the session ran out: log in again and come back to this screen (unless sign-in keeps failing: then the screen
      // shows the refusal)
      await signIn().catch(() => undefined);
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(bearer);

/** The data of an openapi-fetch answer, or an ApiError with the problem. */
export function data<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(result.response.status, (result.error ?? {}) as ApiError['problem']);
  }
  return result.data as T;
}

/**
 * Opens a stored PDF (fetched with the token) in a new tab. The tab is opened at the click, before the fetch, so a
 * pop-up blocker lets it through; it is closed again when the document cannot be had.
 */
export async function openDocument(href: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const user = await currentUser();
    const response = await fetch(href, { headers: user ? { Authorization: `Bearer ${user.access_token}` } : {} });
    if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => ({}))) as ApiError['problem']);
    const url = URL.createObjectURL(new Blob([await response.arrayBuffer()], { type: 'application/pdf' }));
    if (tab) {
      tab.opener = null;
      tab.location.href = url;
    }
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (e) {
    tab?.close();
    throw e;
  }
}

/**
 * Sends a file's bytes as the request body (a bank file: the API recognises its format), with the token; the answer's
 * JSON, or an ApiError with the problem. The OpenAPI has no body schema for a raw upload, so this is not openapi-fetch.
 */
export async function postFile<T>(href: string, file: Blob): Promise<T> {
  const user = await currentUser();
  const response = await fetch(href, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', ...(user ? { Authorization: `Bearer ${user.access_token}` } : {}) },
    body: file,
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body as ApiError['problem']);
  return body as T;
}

/** Saves a file the API serves (fetched with the token) under its name, as the browser's download. */
export async function downloadFile(href: string, fileName: string): Promise<void> {
  const user = await currentUser();
  const response = await fetch(href, { headers: user ? { Authorization: `Bearer ${user.access_token}` } : {} });
  if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => ({}))) as ApiError['problem']);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
