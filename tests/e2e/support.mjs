// Helpers shared by the Playwright config and specs.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';

/** A port that is free right now on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page; returns its serious and critical violations (and prints them). */
export async function seriousViolations(page) {
  // Evaluated, not added as a script tag: the pages forbid inline scripts (their CSP).
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document));
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length) {
    const report = serious
      .map((v) => `${v.impact}: ${v.id} (${v.help}) ${v.helpUrl}\n` +
        v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`).join('\n'))
      .join('\n');
    console.log(`axe on ${page.url()}:\n${report}`);
  }
  return serious.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
}
