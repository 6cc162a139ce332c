// How the browser tests start Debian's Chromium (browsers cannot be downloaded here):
// CHROMIUM_PATH overrides /usr/bin/chromium.
export const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};
