// The in-browser benchmark of the guard per keystroke (issue 18, point 8): on the part 2 demo
// page, after a submit that found an identifier and a missing field (summary, messages and
// findings on screen), each "keystroke" changes the history, and the guard's whole update —
// its input handler, the checks (`check()`, which runs what the typing pause would run) and
// the redrawing, with the layout it causes — is timed; apart, the library calls the guard
// makes per keystroke, and the browser's own layout of the changed text (which a keystroke
// costs with or without a guard). Timings are written, never asserted.

/** Median and 95th percentile of a list of milliseconds. */
export function stats(times) {
  const t = [...times].sort((a, b) => a - b);
  const at = (q) => t[Math.min(t.length - 1, Math.floor(q * t.length))];
  return { median: at(0.5), p95: at(0.95), n: t.length };
}

/**
 * Prepares the page (already showing a ready guard on the part 2 demo, filled with a valid
 * application): part 1's name, the history (`historyChars` long, or as filled when 0) with
 * the patient's name in it, no diagnosis; then submits.
 */
export async function prepare(page, { historyChars = 0 } = {}) {
  await page.fill('#fpart1-name', 'Kari Nordmann');
  await page.evaluate((n) => {
    const el = document.querySelector('[name="/patient/medical_history"]');
    let text = 'Kari Nordmann ble henvist. ' + el.value;
    if (n) while (text.length < n) text += ' ' + el.value;
    if (n) text = text.slice(0, n);
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    const d = document.querySelector('[name="/patient/diagnosis"]');
    d.value = '';
    d.dispatchEvent(new Event('input', { bubbles: true }));
  }, historyChars);
  await page.click('form button[type=submit]');
  await page.waitForSelector('.sv-error-summary:not([hidden])');
  await page.waitForSelector('.sv-findings');
}

/**
 * Times `runs` keystrokes in the history. `lib`: which library calls a keystroke costs —
 * 'new' (validate + scanField, this guard) or 'old' (validate + scan + prepareSubmission, the
 * guard before issue 18, after a submit).
 */
export async function measure(page, { runs = 200, lib = 'new' } = {}) {
  return page.evaluate(async ({ runs, lib }) => {
    const sv = await import('./pkg/skjemavakt.js');
    const g = window.skjemavaktGuard;
    const el = document.querySelector('[name="/patient/medical_history"]');
    const base = el.value;
    // A keystroke that keeps the length (a 20 000-character history is at the field's limit).
    const other = base.slice(0, -1) + (base.endsWith('a') ? 'b' : 'a');
    const whole = [];
    const typing = [];
    for (let i = 0; i < runs; i++) {
      // The keystroke itself: the browser lays out the changed text, guard or no guard (not
      // the guard's time; measured apart as "typing").
      const t = performance.now();
      el.value = i % 2 ? base : other;
      document.body.getBoundingClientRect();
      const s = performance.now();
      typing.push(s - t);
      // The guard: its input handler, the update, the redrawing and the layout that causes.
      el.dispatchEvent(new Event('input', { bubbles: true }));
      g.check(false);
      document.body.getBoundingClientRect();
      whole.push(performance.now() - s);
    }
    el.value = base;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    g.check(false);
    const doc = g.document();
    const part1 = g.part1();
    // The guard passes scanField the changed field alone.
    const one = { form: doc.form, patient: { medical_history: doc.patient.medical_history } };
    const library = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      if (lib === 'new') {
        sv.validate(doc, { lang: 'nb', stage: 'submission' });
        sv.scanField(one, '/patient/medical_history', part1, { lang: 'nb' });
      } else {
        sv.validate(doc, { lang: 'nb', stage: 'submission' });
        sv.scan(doc, part1, { lang: 'nb' });
        sv.prepareSubmission(doc, part1, { lang: 'nb' });
      }
      library.push(performance.now() - s);
    }
    return { whole, library, typing, chars: base.length };
  }, { runs, lib });
}
