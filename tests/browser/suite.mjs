// What every browser suite does around its tests: one demo server and one Chromium for the whole
// file, a JSON API client, and on the way out a check that the server stopped cleanly on SIGTERM.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser } from './browser.mjs';
import { startServer } from './server.mjs';

// Registers the file's before/after hooks and returns the suite; its fields are set once `before`
// has run. options go to startServer ({ products, seed, admin: { email, password } }); with an
// admin, suite.adminToken is that admin's API token. setUp(suite), when given, runs at the end of
// the same hook: the test runner may start a second root hook before the first has finished.
export function useServerAndBrowser(options = {}, setUp = undefined) {
  const suite = {
    server: undefined,
    browser: undefined,
    adminToken: undefined,
    // fetch with a JSON body and an optional bearer token → { status, json, text }.
    async api(method, path, body, token) {
      const headers = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(`${suite.server.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let json;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: response.status, json, text };
    },
  };

  before(async () => {
    suite.server = await startServer(options);
    suite.browser = await launchBrowser();
    if (options.admin) {
      const login = await suite.api('POST', '/api/v1/auth/login', options.admin);
      assert.equal(login.status, 200, 'the admin made with the CLI cannot log in');
      suite.adminToken = login.json.token;
    }
    await setUp?.(suite);
  }, { timeout: 360_000 });

  after(async () => {
    await suite.browser?.close();
    if (suite.server) {
      const { code, signal } = await suite.server.stop();
      assert.equal(code, 0, `the server did not exit cleanly on SIGTERM (${code ?? signal}):\n${suite.server.log()}`);
    }
  }, { timeout: 60_000 });

  return suite;
}
