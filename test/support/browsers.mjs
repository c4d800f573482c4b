// The three engines the browser tests run in, all from Debian's packages: Chromium, Firefox ESR and WebKitGTK.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { chromeLauncher } from '@web/test-runner';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath, regularUserAgent } from '../../scripts/chromium.mjs';

export const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const webkitDriverPath = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
export const miniBrowserPath = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The engines to run: `BROWSERS=chromium,firefox` narrows a local run; the default is all three. */
export function selectedEngines(env = process.env) {
  const all = ['chromium', 'firefox', 'webkit'];
  const asked = (env.BROWSERS ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = asked.filter((name) => !all.includes(name));
  if (unknown.length) throw new Error(`BROWSERS: unknown engine ${unknown.join(', ')} (use ${all.join(', ')})`);
  return asked.length ? asked : all;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

function chromium() {
  return chromeLauncher({
    launchOptions: {
      executablePath: chromiumPath,
      headless: true,
      args: [...chromiumArgs, '--headless=new', '--lang=en-US', `--user-agent=${regularUserAgent}`],
    },
  });
}

/** Firefox ESR through puppeteer-core over WebDriver BiDi (geckodriver cannot be downloaded here). */
function firefox() {
  return chromeLauncher({
    puppeteer,
    launchOptions: {
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      extraPrefsFirefox: {
        'intl.accept_languages': 'en-US',
        'intl.locale.requested': 'en-US',
        // Tests that focus elements expect a focused window, as in Chromium's headless mode.
        'focusmanager.testmode': true,
      },
    },
  });
}

/**
 * WebKitGTK's MiniBrowser, driven by WebKitWebDriver under a virtual X display. The driver is started here and
 * stopped with the run; LANG gives MiniBrowser an English navigator.language instead of "C".
 */
async function webkit() {
  const port = await freePort();
  const env = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8', WEBKIT_DISABLE_COMPOSITING_MODE: '1' };
  const driver = spawn(
    'xvfb-run',
    ['-a', '-s', '-screen 0 1280x1024x24', webkitDriverPath, `--port=${port}`, '--host=127.0.0.1'],
    { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let driverErrors = '';
  driver.stderr.on('data', (chunk) => (driverErrors = (driverErrors + chunk).slice(-4000)));
  const stopDriver = () => {
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', stopDriver);
  await waitForPort(port, 30000).catch((error) => {
    stopDriver();
    throw new Error(`WebKitWebDriver did not start: ${error.message}\n${driverErrors}`);
  });
  const launcher = webdriverLauncher({
    hostname: '127.0.0.1',
    port,
    path: '/',
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      // WebKitWebDriver speaks classic WebDriver only; webdriverio would otherwise ask for BiDi.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': {
        binary: miniBrowserPath,
        args: ['--automation', '--enable-write-console-messages-to-stdout=true'],
      },
    },
  });
  const stop = launcher.stop.bind(launcher);
  launcher.stop = async () => {
    await stop();
    stopDriver();
  };
  return launcher;
}

async function waitForPort(port, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const launchers = { chromium, firefox, webkit };

/** Launchers for the selected engines; an engine whose browser is not installed is an error, not a silent skip. */
export async function browserLaunchers(env = process.env) {
  const engines = selectedEngines(env);
  const missing = {
    chromium: chromiumPath,
    firefox: firefoxPath,
    webkit: existsSync(webkitDriverPath) ? miniBrowserPath : webkitDriverPath,
  };
  for (const engine of engines) {
    if (!existsSync(missing[engine])) {
      throw new Error(
        `${engine}: ${missing[engine]} is not installed (apt-get install chromium firefox-esr webkit2gtk-driver xvfb xauth), or run BROWSERS=<engines> to choose others`,
      );
    }
  }
  return Promise.all(engines.map((engine) => launchers[engine]()));
}
