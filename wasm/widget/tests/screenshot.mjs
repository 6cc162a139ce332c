// Takes a screenshot of the demo page with the sample CV and its matches into
// tests/screenshot.png (for reviewing the design). `node tests/screenshot.mjs [full]`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const server = await serve(path.join(here, '..', 'dist'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${server.url}/demo/`);
  await page.evaluate(() => document.querySelector('sportello-cv').ready);
  await page.getByRole('button', { name: /Carica un esempio/ }).click();
  await page.locator('sportello-cv #pages .page').first().waitFor();
  await page.locator('sportello-cv button', { hasText: 'Cerca le offerte adatte' }).click();
  await page.locator('sportello-cv #match-list li').first().waitFor();
  // The top of the page (header, form, preview); `full` for the whole page. With `y=N`,
  // scrolled down N pixels (the preview stays in view).
  const y = Number(process.argv.find((a) => a.startsWith('y='))?.slice(2) ?? 0);
  await page.evaluate((y) => window.scrollTo(0, y), y);
  await page.waitForTimeout(300);
  const out = path.join(here, 'screenshot.png');
  await page.screenshot({ path: out, fullPage: process.argv[2] === 'full' });
  console.log(out);
} finally {
  await browser.close();
  await server.close();
}
