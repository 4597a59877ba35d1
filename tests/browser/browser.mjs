// Debian's Chromium through playwright-core, headless, with nothing that reaches the network.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const screenshotDirectory =
  process.env.MANMULSANG_SCREENSHOTS ?? resolve(here, '..', '..', 'build', 'browser-screenshots');

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.MANMULSANG_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// The four ways the storefront must work: JavaScript on and off, desktop and a 320 px phone.
export const configurations = [
  { name: 'desktop-js', javaScriptEnabled: true, viewport: { width: 1280, height: 800 } },
  { name: 'desktop-nojs', javaScriptEnabled: false, viewport: { width: 1280, height: 800 } },
  { name: 'phone-js', javaScriptEnabled: true, viewport: { width: 320, height: 640 } },
  { name: 'phone-nojs', javaScriptEnabled: false, viewport: { width: 320, height: 640 } },
];

export async function screenshot(page, configuration, step) {
  mkdirSync(screenshotDirectory, { recursive: true });
  await page.screenshot({ path: join(screenshotDirectory, `${configuration.name}-${step}.png`), fullPage: true });
}
