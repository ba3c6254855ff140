import { api, ProblemError, type Order, type Period } from '../api';
import { announce, h } from '../dom';
import { t, type MessageKey } from '../i18n';

const indicatorLabel = (code: string) => t(`indicator-${code}` as MessageKey);

/** A family rates a month of its running order (until staff have verified that month). */
export async function ratingForm(poolId: string): Promise<HTMLElement | null> {
  const open = (await api.periods(poolId)).filter((p) => !p.verified);
  if (open.length === 0) return null;
  const period = h('select', { id: `rate-period-${poolId}`, class: 'form-select' }, ...open.map((p) => h('option', { value: p.period }, p.period)));
  const score = h('select', { id: `rate-score-${poolId}`, class: 'form-select' }, ...[5, 4, 3, 2, 1].map((n) => h('option', { value: String(n) }, String(n))));
  const comment = h('textarea', { id: `rate-comment-${poolId}`, class: 'form-control', maxlength: 1000, rows: 2 });
  const status = h('p', { role: 'status', class: 'mb-0 mt-2' });
  const form = h('form', { class: 'mt-3', 'data-testid': 'rating-form', 'aria-label': t('rateTitle') },
    h('h4', { class: 'h6' }, t('rateTitle')),
    h('div', { class: 'row g-2' },
      h('div', { class: 'col-sm-4' }, h('label', { for: period.id, class: 'form-label' }, t('ratePeriod')), period),
      h('div', { class: 'col-sm-3' }, h('label', { for: score.id, class: 'form-label' }, t('rateScore')), score)),
    h('label', { for: comment.id, class: 'form-label mt-2' }, t('rateComment')), comment,
    h('button', { type: 'submit', class: 'btn btn-primary btn-sm mt-2', 'data-testid': 'rate-submit' }, t('rateSubmit')),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.rate(poolId, period.value, Number(score.value), comment.value);
      status.textContent = t('rateDone');
      announce(t('rateDone'));
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      status.textContent = Object.values(e.errors).flat().join(' ') || e.title;
    }
  });
  return form;
}

/** Staff verify a month: continuity and attendance by hand, satisfaction from the families' ratings. */
export async function verificationForm(poolId: string): Promise<HTMLElement> {
  const [order, periods] = await Promise.all([api.order(poolId), api.periods(poolId)]);
  const region = h('div', { class: 'mt-2', 'data-testid': 'verification' });
  region.append(...periods.map((p) => (p.verified ? verdictLine(p) : periodForm(poolId, order, p))));
  return region;
}

function verdictLine(period: Period): HTMLElement {
  return h('p', { class: 'mb-1', 'data-testid': 'verdict' }, t(period.holdbackReleased ? 'verdictReleased' : 'verdictKept', { period: period.period }),
    ...(period.outcomes ?? []).filter((o) => !o.met).map((o) => h('span', { class: 'd-block small' }, `${indicatorLabel(o.indicator)}: ${o.reason ?? ''}`)));
}

function periodForm(poolId: string, order: Order, period: Period): HTMLElement {
  const verified = order.outcomeIndicators.filter((i) => i !== 'family-satisfaction');
  const rows = verified.map((indicator) => {
    const id = `verify-${poolId}-${period.period}-${indicator}`;
    const met = h('input', { id: `${id}-met`, type: 'checkbox', class: 'form-check-input', checked: true });
    const reason = h('input', { id: `${id}-reason`, type: 'text', class: 'form-control form-control-sm', maxlength: 500 });
    return { indicator, met, reason, element: h('div', { class: 'mb-2' },
      h('div', { class: 'form-check' }, met, h('label', { for: met.id, class: 'form-check-label' }, t('verifyMet', { indicator: indicatorLabel(indicator) }))),
      h('label', { for: reason.id, class: 'form-label small' }, t('verifyReason')), reason) };
  });
  const status = h('p', { role: 'status', class: 'mb-0' });
  const form = h('form', { class: 'card card-body mb-2', 'data-testid': 'verify-form', 'aria-label': t('verifyTitle', { period: period.period }) },
    h('h4', { class: 'h6' }, t('verifyTitle', { period: period.period })),
    h('p', { class: 'small mb-2' }, t('verifyRatings', { count: period.ratings })),
    ...rows.map((r) => r.element),
    h('button', { type: 'submit', class: 'btn btn-primary btn-sm', 'data-testid': 'verify-submit' }, t('verifySubmit')),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const result = await api.verify(poolId, period.period, Object.fromEntries(rows.map((r) => [r.indicator, { met: r.met.checked, reason: r.reason.value || null }])));
      form.replaceWith(verdictLine(result));
      announce(t(result.holdbackReleased ? 'verdictReleased' : 'verdictKept', { period: result.period }));
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      status.textContent = Object.values(e.errors).flat().join(' ') || e.title;
    }
  });
  return form;
}
