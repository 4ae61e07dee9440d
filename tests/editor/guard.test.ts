import { describe, expect, it } from 'vitest';
import { refused, routeOf, screenHeaders } from '../../src/editor/guard.ts';

const own = 'http://localhost:4321';
/** A request as a browser sends it: the URL (whose host is the Host header) and the headers it adds. */
const request = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new Request(url, { method: init.method ?? 'GET', headers: init.headers ?? {}, ...(init.method === 'POST' ? { body: '{}' } : {}) });
const fromScreen = { 'sec-fetch-site': 'same-origin', origin: own, 'no-cors': '1' };

describe('the screen answers its own origin only', () => {
  it('takes the screen’s own requests', () => {
    expect(refused(request(`${own}/api/keystatic/tree`, { headers: fromScreen }), true)).toBeUndefined();
    expect(refused(request(`${own}/api/keystatic/update`, { method: 'POST', headers: fromScreen }), true)).toBeUndefined();
    // Opening the screen by typing its address.
    expect(refused(request(`${own}/keystatic`, { headers: { 'sec-fetch-site': 'none' } }), false)).toBeUndefined();
  });

  it.each([
    ['another site', { ...fromScreen, 'sec-fetch-site': 'cross-site', origin: 'https://example.com' }],
    ['another port of localhost', { ...fromScreen, 'sec-fetch-site': 'same-site', origin: 'http://localhost:5173' }],
    ['127.0.0.1 for localhost', { ...fromScreen, 'sec-fetch-site': 'cross-site', origin: 'http://127.0.0.1:4321' }],
    ['an Origin that is not its own, even said to be same-origin', { ...fromScreen, origin: 'http://localhost:4322' }],
    ['a typed address for the API', { 'sec-fetch-site': 'none', 'no-cors': '1' }],
    ['a request without Keystatic’s header (a form, a beacon)', { 'sec-fetch-site': 'same-origin', origin: own }],
  ])('refuses %s', (_, headers) => {
    expect(refused(request(`${own}/api/keystatic/update`, { method: 'POST', headers }), true)).toMatch(/./);
    expect(refused(request(`${own}/api/keystatic/tree`, { headers }), true)).toMatch(/./);
  });

  it('refuses a save that says nothing of where it comes from, and a name that is not this machine’s (DNS rebinding)', () => {
    expect(refused(request(`${own}/api/keystatic/update`, { method: 'POST', headers: { 'no-cors': '1' } }), true)).toMatch(
      /must come from the editing screen/,
    );
    const rebound = 'http://attacker.example:4321';
    expect(refused(request(`${rebound}/api/keystatic/tree`, { headers: { ...fromScreen, origin: rebound } }), true)).toMatch(
      /on this machine only/,
    );
    expect(refused(request(`${rebound}/keystatic`, { headers: { 'sec-fetch-site': 'none' } }), false)).toMatch(/on this machine only/);
    for (const name of ['127.0.0.1', '[::1]'])
      expect(
        refused(request(`http://${name}:4321/api/keystatic/tree`, { headers: { ...fromScreen, origin: `http://${name}:4321` } }), true),
      ).toBeUndefined();
  });

  it('sends a frame policy of its own origin, and nothing that lets another read it', () => {
    expect(screenHeaders['Content-Security-Policy']).toBe("frame-ancestors 'self'");
    expect(screenHeaders['X-Frame-Options']).toBe('SAMEORIGIN');
    expect(screenHeaders['Cross-Origin-Resource-Policy']).toBe('same-origin');
    expect(Object.keys(screenHeaders).some((h) => /^access-control/i.test(h))).toBe(false);
  });
});

describe('the three URLs the screen sends, spelt exactly', () => {
  it('routes them', () => {
    expect(routeOf('GET', '/api/keystatic/tree')).toEqual({ kind: 'tree' });
    expect(routeOf('POST', '/api/keystatic/update')).toEqual({ kind: 'update' });
    const sha = 'a'.repeat(40);
    expect(routeOf('GET', `/api/keystatic/blob/${sha}/content/zh/00-start.mdx`)).toEqual({
      kind: 'blob',
      sha,
      path: 'content/zh/00-start.mdx',
    });
  });

  it.each([
    ['POST', '/api/keystatic//update'],
    ['POST', '/api/keystatic/update/'],
    ['POST', '/api/keystatic/upd%61te'],
    ['POST', '/api/keystatic/update%2F'],
    ['POST', '/api/keystatic/UPDATE'],
    ['GET', '/api/keystatic/update'],
    ['POST', '/api/keystatic/tree'],
    ['GET', '/api/keystatic/tree/'],
    ['GET', '/api/keystatic/github/login'],
    ['GET', `/api/keystatic/blob/${'a'.repeat(40)}/src/lib/schema.ts`],
    ['GET', `/api/keystatic/blob/${'a'.repeat(40)}/../package.json`],
    ['GET', `/api/keystatic/blob/${'a'.repeat(40)}/content%2Fzh%2F00-start.mdx`],
  ])('answers none of %s %s', (method, path) => expect(routeOf(method, path)).toBeUndefined());
});
