// Search in a real browser: search → facet → product with JavaScript on and off, at desktop size
// and on a 320 px phone; suggestions under the search box with JavaScript.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { configurations, openPage } from './browser.mjs';
import { useServerAndBrowser } from './suite.mjs';

const kTestTimeout = 90_000;

const suite = useServerAndBrowser({ products: 200, seed: 1 });

async function clickAndWait(page, link, urlPattern) {
  await Promise.all([page.waitForURL(urlPattern), link.click()]);
}

for (const configuration of configurations) {
  describe(configuration.name, () => {
    test('search, narrow by a facet, open a product', { timeout: kTestTimeout }, async () => {
      const { context, page, check } = await openPage(suite.browser, suite.server.baseUrl, configuration, { stepPrefix: 'search-' });
      try {
        await page.goto('/');
        const box = page.locator('#site-search');
        await box.fill('노트북');
        await Promise.all([page.waitForURL(/\/search\?/), box.press('Enter')]);
        assert.equal(new URL(page.url()).searchParams.get('q'), '노트북');
        const cards = page.locator('#search-results article.card');
        assert.ok((await cards.count()) > 0, 'no results for 노트북');
        assert.ok(await page.locator('#facet-categories').isVisible(), 'no category facet');
        await check('results');

        const facet = page.locator('#facet-categories a[href*="category="]').first();
        const facetText = (await facet.innerText()).trim();
        await clickAndWait(page, facet, /category=/);
        assert.ok((await cards.count()) > 0, `no results in the ${facetText} facet`);
        assert.ok(await page.locator('#facet-categories [aria-current]').first().isVisible(), 'the chosen facet is not marked');
        await check('facet');

        const sort = page.locator('#search-sorts a[href*="sort=price_asc"]');
        await clickAndWait(page, sort, /sort=price_asc/);
        const prices = await page.locator('#search-results .card-price').allInnerTexts();
        const amounts = prices.map((text) => Number(text.replace(/[^0-9]/g, '')));
        assert.deepEqual(amounts, [...amounts].sort((left, right) => left - right), 'price ↑ is not ascending');

        const product = page.locator('#search-results a.card-link').first();
        const href = await product.getAttribute('href');
        await clickAndWait(page, product, /\/p\/\d+/);
        assert.equal(new URL(page.url()).pathname, href);
        await check('product');
      } finally {
        await context.close();
      }
    });

    test('a search that finds nothing says so and offers categories', { timeout: kTestTimeout }, async () => {
      const { context, page, check } = await openPage(suite.browser, suite.server.baseUrl, configuration, { stepPrefix: 'search-' });
      try {
        await page.goto(`/search?q=${encodeURIComponent('아무도안파는물건 <b>')}`);
        assert.ok(await page.locator('#no-results').isVisible(), 'no empty state');
        assert.ok((await page.locator('#empty-categories a[href="/c/computers"]').count()) === 1);
        assert.equal(await page.locator('main b').count(), 0, 'the query was echoed as markup');
        await check('empty');
      } finally {
        await context.close();
      }
    });

    if (configuration.javaScriptEnabled) {
      test('suggestions under the search box: 초성, arrow keys, Enter, Escape', { timeout: kTestTimeout }, async () => {
        const { context, page, check } = await openPage(suite.browser, suite.server.baseUrl, configuration, { stepPrefix: 'search-' });
        try {
          await page.goto('/');
          const box = page.locator('#site-search');
          assert.equal(await box.getAttribute('role'), 'combobox');
          assert.equal(await box.getAttribute('aria-expanded'), 'false');
          await box.fill('ㄴㅌ');
          const options = page.locator('#site-search-suggestions [role="option"]');
          await options.first().waitFor({ state: 'visible' });
          assert.equal(await box.getAttribute('aria-expanded'), 'true');
          const texts = await options.allInnerTexts();
          assert.ok(texts.some((text) => text.includes('노트북')), `ㄴㅌ suggests ${texts.join(', ')}`);
          await check('suggestions');

          await box.press('Escape');
          assert.equal(await box.getAttribute('aria-expanded'), 'false');
          assert.equal(await options.count(), 0);

          await box.press('ArrowDown');  // opens them again
          await options.first().waitFor({ state: 'visible' });
          await box.press('ArrowDown');
          const activeId = await box.getAttribute('aria-activedescendant');
          assert.ok(activeId, 'no highlighted option');
          const chosen = (await page.locator(`#${activeId} .suggestion-text`).innerText()).trim();
          assert.equal(await page.locator(`#${activeId}`).getAttribute('aria-selected'), 'true');
          await Promise.all([page.waitForURL(/\/search\?/), box.press('Enter')]);
          assert.equal(new URL(page.url()).searchParams.get('q'), chosen);
          assert.ok((await page.locator('#search-results article.card').count()) > 0, `no results for ${chosen}`);

          // English keyboard: shxm reads as 노트; a click takes the option.
          await box.fill('shxm');
          const korean = page.locator('#site-search-suggestions [role="option"]', { hasText: '노트북' }).first();
          await korean.waitFor({ state: 'visible' });
          await Promise.all([page.waitForURL(/\/search\?/), korean.click()]);
          assert.equal(new URL(page.url()).searchParams.get('q'), '노트북');
          await check('suggestion-clicked');
        } finally {
          await context.close();
        }
      });
    } else {
      test('without JavaScript the search box is a plain form', { timeout: kTestTimeout }, async () => {
        const { context, page, check } = await openPage(suite.browser, suite.server.baseUrl, configuration, { stepPrefix: 'search-' });
        try {
          await page.goto('/');
          const box = page.locator('#site-search');
          assert.equal(await box.getAttribute('role'), null);
          assert.equal(await page.locator('#site-search-suggestions').count(), 0);
          await check('plain-box');
        } finally {
          await context.close();
        }
      });
    }
  });
}
