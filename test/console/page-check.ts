// What every console page must pass in the browser: no console error, no axe-core violation at
// desktop and phone widths, no sideways scrolling at 320 px (RGAA 10.11, WCAG 1.4.10: tables scroll
// inside their container), and a screenshot at each width.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const widths = [1280, 375] as const;
export const narrowest = 320;

export interface PageProblems {
  name: string;
  width: number;
  consoleErrors: string[];
  violations: { id: string; impact: string | null | undefined; targets: string[] }[];
  /** The page's width when wider than the window, with the innermost element that sticks out. */
  overflow: { width: number; element: string } | null;
}

/** A browser tab that keeps the errors its pages log and throw. */
export async function watchedPage(browser: Browser, storageState?: string) {
  const context = await browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
    ...(storageState ? { storageState: JSON.parse(storageState) } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    // A page that answers an error status on purpose (page not found) is not an error of the page.
    const own = m.text().startsWith('Failed to load resource') && m.location().url === page.url();
    if (m.type() === 'error' && !own) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}

export async function axeViolations(page: Page): Promise<PageProblems['violations']> {
  await page.evaluate(axeSource);
  // A string, run in the page where axe and the DOM are (this file is typed for Node).
  return page.evaluate<PageProblems['violations']>(`axe
    .run(document, { resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    })))`);
}

/** The overflow at the narrowest width, or null when the page reflows. */
async function sidewaysOverflow(page: Page): Promise<PageProblems['overflow']> {
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  if (width <= narrowest) return null;
  // The outermost elements that stick out and are not inside a container that scrolls or clips.
  const element = await page.evaluate<string>(`(() => {
    const clipped = (e) => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
      }
      return false;
    };
    const out = [...document.body.querySelectorAll('*')].filter(
      (e) => e.getBoundingClientRect().right > ${narrowest} + 1 && e.getClientRects().length > 0 && !clipped(e),
    );
    const positioned = [...document.body.querySelectorAll('*')].filter(
      (e) => e.getBoundingClientRect().right > ${narrowest} + 1 && getComputedStyle(e).position !== 'static',
    );
    out.push(...positioned.filter((e) => !out.includes(e)));
    const innermost = out.filter((e) => !out.some((o) => o !== e && e.contains(o)));
    return innermost.slice(0, 3).map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px').join(', ');
  })()`);
  return { width, element };
}

/**
 * Opens a page at each width (the page must answer at `url` for the tab's account) and reports what
 * is wrong with it; screenshots go to test-results/console/<name>-<width>.png.
 */
export async function checkPage(
  tab: { page: Page; errors: string[] },
  url: string,
  name: string,
): Promise<PageProblems[]> {
  const problems: PageProblems[] = [];
  for (const width of [...widths, narrowest]) {
    tab.errors.length = 0;
    await tab.page.setViewportSize({ width, height: 900 });
    await tab.page.goto(url, { waitUntil: 'load' });
    // The DSFR script starts its components after load; its errors come then.
    await tab.page.waitForTimeout(150);
    if (width === narrowest) {
      problems.push({
        name,
        width,
        consoleErrors: [...tab.errors],
        violations: [],
        overflow: await sidewaysOverflow(tab.page),
      });
      continue;
    }
    await screenshot(tab.page, `${name}-${width}`);
    problems.push({
      name,
      width,
      consoleErrors: [...tab.errors],
      violations: await axeViolations(tab.page),
      overflow: null,
    });
  }
  return problems;
}

/** Only the failing checks, for a readable assertion message. */
export const failing = (all: readonly PageProblems[]) =>
  all.filter((p) => p.consoleErrors.length > 0 || p.violations.length > 0 || p.overflow !== null);
