import { parseHTML } from 'linkedom';

/** A server-side document for rendering charts at build time. */
export function serverDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}
