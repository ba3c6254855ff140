import { api, ProblemError, type Bill, type Category, type NewProgramme, type Programme } from '../api';
import { announce, h, mount } from '../dom';
import { formatCents, label, locale, t, type MessageKey } from '../i18n';

type Input = HTMLInputElement | HTMLSelectElement;

/** A labelled field with its error slot; `errors` maps the server's field names to these. */
function field(id: string, text: string, input: Input, css = 'col-sm-4'): { element: HTMLElement; error: HTMLElement } {
  const error = h('div', { id: `${id}-error`, class: 'invalid-feedback d-block', 'data-error-for': id });
  input.id = id;
  input.setAttribute('aria-describedby', error.id);
  return { element: h('div', { class: css }, h('label', { for: id, class: 'form-label' }, text), input, error), error };
}

/** Shows each problem next to the field the server named (`bands[0].coveragePercent` → its input), the rest in `status`; null clears both (the call succeeded). */
function showProblem(e: unknown, fields: Record<string, { error: HTMLElement; input: Input }>, status: HTMLElement): void {
  Object.values(fields).forEach((f) => {
    f.error.textContent = '';
    f.input.classList.remove('is-invalid');
  });
  if (e === null) {
    status.textContent = '';
    return;
  }
  if (!(e instanceof ProblemError)) {
    status.textContent = t('unexpectedError');
    return;
  }
  const unplaced: string[] = [];
  let first: Input | null = null;
  for (const [name, messages] of Object.entries(e.errors)) {
    const target = fields[name];
    if (target) {
      target.error.textContent = messages.join(' ');
      target.input.classList.add('is-invalid');
      first ??= target.input;
    } else {
      unplaced.push(...messages);
    }
  }
  status.textContent = unplaced.join(' ') || (Object.keys(e.errors).length ? '' : e.title);
  first?.focus();
}

const euro = (input: HTMLInputElement): number | null => (input.value.trim() === '' ? null : Math.round(Number(input.value.replace(',', '.')) * 100));
const money = (step = '0.01') => h('input', { type: 'number', class: 'form-control', min: '0', step, inputmode: 'decimal' });
const thisMonth = () => new Date().toISOString().slice(0, 7);
const day = (iso: string) => new Date(`${iso}T00:00:00`).toLocaleDateString(locale());

// ---- Families ----

/** The family's money: its ISEE, how it pays, and each month's bill with the subsidy applied. */
export async function familyMoney(): Promise<HTMLElement> {
  const [bills, isee, method] = await Promise.all([api.myBills(), api.myIsee(), api.paymentMethod().catch(() => null)]);
  return h('section', { class: 'mt-5', 'aria-labelledby': 'bills-title', 'data-testid': 'money' },
    h('h2', { id: 'bills-title', class: 'h4' }, t('billsTitle')),
    method ? h('p', { class: 'small', 'data-testid': 'payment-method' }, t(method.stripeConfigured ? (method.saved ? 'payCardSaved' : 'payCardMissing') : 'payManual')) : null,
    billsTable(bills),
    iseeCard(isee));
}

function billsTable(bills: Bill[]): HTMLElement {
  if (bills.length === 0) return h('p', { 'data-testid': 'bills-empty' }, t('billsEmpty'));
  return h('div', { class: 'table-responsive' }, h('table', { class: 'table table-sm align-middle', 'data-testid': 'bills' },
    h('caption', {}, t('billsCaption')),
    h('thead', {}, h('tr', {}, ...(['billMonth', 'billService', 'billShare', 'billSubsidy', 'billPays', 'billStatus'] as MessageKey[]).map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, ...bills.map((b) => h('tr', { 'data-testid': 'bill', 'data-order-id': b.orderId, 'data-period': b.period },
      h('th', { scope: 'row' }, b.period),
      h('td', {}, `${label('category', b.categoryCode)} · ${b.providerName}`),
      h('td', { 'data-testid': 'bill-share', 'data-cents': b.shareCents }, formatCents(b.shareCents)),
      h('td', { 'data-testid': 'bill-subsidy', 'data-cents': b.subsidyCents }, formatCents(b.subsidyCents), b.shortOfBudget ? h('span', { class: 'd-block small' }, t('billShort')) : null),
      h('td', { 'data-testid': 'bill-pays', 'data-cents': b.familyPaysCents }, h('strong', {}, formatCents(b.familyPaysCents))),
      h('td', {}, t(`pay.${b.paymentStatus}` as MessageKey)))))));
}

function iseeCard(isee: Awaited<ReturnType<typeof api.myIsee>>): HTMLElement {
  const value = money();
  const expires = h('input', { type: 'date', class: 'form-control' });
  const protocol = h('input', { type: 'text', class: 'form-control', maxlength: 40, autocomplete: 'off' });
  if (isee) {
    value.value = (isee.iseeCents / 100).toFixed(2);
    expires.value = isee.expiresOn;
    protocol.value = isee.dsuProtocol;
  }
  const fields = {
    iseeCents: { ...field('isee-value', t('iseeValue'), value), input: value as Input },
    expiresOn: { ...field('isee-expires', t('iseeExpires'), expires), input: expires as Input },
    dsuProtocol: { ...field('isee-protocol', t('iseeProtocol'), protocol), input: protocol as Input },
  };
  const state = h('p', { class: 'mb-2', 'data-testid': 'isee-state' }, isee ? h('span', { class: `badge ${isee.verified ? 'bg-success' : 'bg-secondary'}` }, t(isee.verified ? 'iseeVerified' : 'iseeWaiting')) : null);
  const status = h('p', { role: 'status', class: 'mb-0 mt-2' });
  const form = h('form', { class: 'card card-body mt-3', novalidate: true, 'data-testid': 'isee-form', 'aria-labelledby': 'isee-title' },
    h('h3', { id: 'isee-title', class: 'h5' }, t('iseeTitle')),
    h('p', { class: 'small' }, t('iseeExplain')),
    state,
    h('div', { class: 'row g-3' }, fields.iseeCents.element, fields.expiresOn.element, fields.dsuProtocol.element),
    h('div', {}, h('button', { type: 'submit', class: 'btn btn-primary mt-3', 'data-testid': 'isee-submit' }, t('iseeSubmit'))),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const saved = await api.declareIsee(euro(value), expires.value || null, protocol.value);
      showProblem(null, fields, status);
      mount(state, h('span', { class: `badge ${saved.verified ? 'bg-success' : 'bg-secondary'}` }, t(saved.verified ? 'iseeVerified' : 'iseeWaiting')));
      status.textContent = t('iseeSaved');
      announce(t('iseeSaved'));
    } catch (e) {
      showProblem(e, fields, status);
    }
  });
  return form;
}

/** A member leaves its running service after a last day: the bills are computed again. */
export function leaveForm(poolId: string, onLeft: () => void): HTMLElement {
  const lastDay = h('input', { type: 'date', class: 'form-control', min: new Date().toISOString().slice(0, 10) });
  const fields = { lastDay: { ...field(`leave-${poolId}`, t('leaveLastDay'), lastDay, 'col-sm-6'), input: lastDay as Input } };
  const status = h('p', { role: 'status', class: 'mb-0 mt-2' });
  const form = h('form', { novalidate: true, 'data-testid': 'leave-form' },
    h('div', { class: 'row g-2' }, fields.lastDay.element),
    h('button', { type: 'submit', class: 'btn btn-outline-danger btn-sm mt-2', 'data-testid': 'leave-submit' }, t('leaveSubmit')),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!window.confirm(t('leaveConfirm'))) return;
    try {
      await api.leaveOrder(poolId, lastDay.value || null);
      announce(t('leaveDone'));
      onLeft();
    } catch (e) {
      showProblem(e, fields, status);
    }
  });
  return h('details', { class: 'mt-3' }, h('summary', {}, t('leaveTitle')), form);
}

// ---- Providers ----

/** Where a provider's payouts stand: Stripe Connect onboarding, or bank transfers when Stripe is off. */
export async function payoutsCard(): Promise<HTMLElement> {
  const payouts = await api.payouts();
  const status = h('p', { role: 'status', class: 'mb-0' });
  const start = h('button', { type: 'button', class: 'btn btn-outline-primary btn-sm', 'data-testid': 'payouts-start' }, t('payoutsStart'));
  start.addEventListener('click', async () => {
    try {
      location.assign((await api.startOnboarding()).url);
    } catch (e) {
      status.textContent = e instanceof ProblemError ? e.title : t('unexpectedError');
    }
  });
  return h('section', { class: 'card card-body mt-4', 'aria-labelledby': 'payouts-title', 'data-testid': 'payouts' },
    h('h2', { id: 'payouts-title', class: 'h5' }, t('payoutsTitle')),
    !payouts.stripeConfigured ? h('p', { class: 'mb-0' }, t('payoutsManual'))
      : payouts.payoutsEnabled ? h('p', { class: 'mb-0' }, t('payoutsReady'))
        : h('div', {}, h('p', {}, t('payoutsPending')), start, status));
}

// ---- Municipal staff ----

/** Programmes and budgets, monthly billing, obligations for the treasury, ISEE checks, payments by hand, reconciliation. */
export async function staffMoney(categories: Category[]): Promise<HTMLElement> {
  const programmes = h('div', { 'data-testid': 'programmes', 'aria-live': 'polite' });
  const reload = async () => mount(programmes, ...programmeList(await api.programmes()));
  await reload();
  const section = h('section', { class: 'mt-5', 'aria-labelledby': 'money-title', 'data-testid': 'staff-money' },
    h('h2', { id: 'money-title', class: 'h3' }, t('progTitle')),
    programmes,
    programmeForm(categories, reload),
    billRunForm(reload),
    await obligationsPanel(reload),
    await iseePanel(),
    await manualPayments(),
    await reconciliationPanel());
  section.addEventListener('budget-updated', () => void reload());
  return section;
}

function programmeList(list: Programme[]): HTMLElement[] {
  if (list.length === 0) return [h('p', {}, t('progEmpty'))];
  return list.map((p) => {
    const used = p.budgetCents === 0 ? 0 : Math.round(((p.committedCents + p.spentCents) * 100) / p.budgetCents);
    return h('article', { class: 'card card-body mb-3', 'data-testid': 'programme', 'data-programme-id': p.id },
      h('h3', { class: 'h5' }, p.name),
      h('p', { class: 'small mb-2' }, `${p.categories.map((c) => label('category', c)).join(', ')} · ${t('progValidity', { from: day(p.validFrom), to: day(p.validTo) })}`),
      h('dl', { class: 'row mb-2' },
        ...([['progBudget', p.budgetCents, 'budget'], ['progCommitted', p.committedCents, 'committed'], ['progSpent', p.spentCents, 'spent'], ['progRemaining', p.remainingCents, 'remaining']] as Array<[MessageKey, number, string]>)
          .flatMap(([key, cents, id]) => [h('dt', { class: 'col-sm-3' }, t(key)), h('dd', { class: 'col-sm-9 mb-1', 'data-testid': `programme-${id}`, 'data-cents': cents }, formatCents(cents))])),
      h('div', { class: 'progress mb-2', role: 'progressbar', 'aria-label': t('progUsed', { percent: used }), 'aria-valuenow': used, 'aria-valuemin': 0, 'aria-valuemax': 100 },
        h('div', { class: `progress-bar w-${Math.min(100, Math.round(used / 25) * 25)}` })),
      h('p', { class: 'small mb-1' }, t('progUsed', { percent: used })),
      h('ul', { class: 'small mb-0' }, ...p.bands.map((b) => h('li', {}, t('progBand', { max: formatCents(b.maxIseeCents), percent: b.coveragePercent, cap: formatCents(b.monthlyCapCents) })))));
  });
}

function programmeForm(categories: Category[], onCreated: () => Promise<void>): HTMLElement {
  const name = h('input', { type: 'text', class: 'form-control', maxlength: 200 });
  const from = h('input', { type: 'date', class: 'form-control' });
  const to = h('input', { type: 'date', class: 'form-control' });
  const budget = money('1');
  const checks = categories.map((c) => h('input', { type: 'checkbox', class: 'form-check-input', id: `prog-cat-${c.code}`, value: c.code }));
  const categoriesError = h('div', { id: 'prog-categories-error', class: 'invalid-feedback d-block' });
  const bands = [1, 2, 3].map((n) => ({ max: money('1'), percent: h('input', { type: 'number', class: 'form-control', min: '1', max: '100', step: '1' }), cap: money('1'), n }));
  const base = {
    name: { ...field('prog-name', t('progName'), name, 'col-sm-6'), input: name as Input },
    validFrom: { ...field('prog-from', t('progFrom'), from, 'col-sm-3'), input: from as Input },
    validTo: { ...field('prog-to', t('progTo'), to, 'col-sm-3'), input: to as Input },
    budgetCents: { ...field('prog-budget', t('progBudgetEuro'), budget), input: budget as Input },
  };
  const bandFields = bands.map((b) => ({
    max: { ...field(`prog-band${b.n}-max`, t('progBandMax', { n: b.n }), b.max), input: b.max as Input },
    percent: { ...field(`prog-band${b.n}-percent`, t('progBandPercent', { n: b.n }), b.percent), input: b.percent as Input },
    cap: { ...field(`prog-band${b.n}-cap`, t('progBandCap', { n: b.n }), b.cap), input: b.cap as Input },
  }));
  const bandsError = h('div', { id: 'prog-bands-error', class: 'invalid-feedback d-block' });
  const fields: Record<string, { error: HTMLElement; input: Input }> = {
    ...base,
    categories: { error: categoriesError, input: checks[0] ?? name },
    bands: { error: bandsError, input: bands[0]?.max ?? name },
    ...Object.fromEntries(bandFields.flatMap((f, i) => [[`bands[${i}].maxIseeCents`, f.max], [`bands[${i}].coveragePercent`, f.percent], [`bands[${i}].monthlyCapCents`, f.cap]])),
  };
  const status = h('p', { role: 'status', class: 'mb-0 mt-2' });
  const form = h('form', { class: 'card card-body mb-4', novalidate: true, 'data-testid': 'programme-form', 'aria-labelledby': 'prog-new-title' },
    h('h3', { id: 'prog-new-title', class: 'h5' }, t('progNew')),
    h('div', { class: 'row g-3' }, base.name.element, base.validFrom.element, base.validTo.element, base.budgetCents.element),
    h('fieldset', { class: 'mt-3', 'aria-describedby': categoriesError.id },
      h('legend', { class: 'form-label fs-6' }, t('progCategories')),
      ...categories.map((c, i) => h('div', { class: 'form-check form-check-inline' }, checks[i], h('label', { for: `prog-cat-${c.code}`, class: 'form-check-label' }, label('category', c.code)))),
      categoriesError),
    ...bandFields.map((f) => h('div', { class: 'row g-3 mt-1' }, f.max.element, f.percent.element, f.cap.element)),
    bandsError,
    h('div', {}, h('button', { type: 'submit', class: 'btn btn-primary mt-3', 'data-testid': 'programme-submit' }, t('progCreate'))),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const programme: NewProgramme = {
      name: name.value,
      categories: checks.filter((c) => c.checked).map((c) => c.value),
      validFrom: from.value || null,
      validTo: to.value || null,
      budgetCents: euro(budget),
      bands: bands.filter((b) => b.max.value || b.percent.value || b.cap.value)
        .map((b) => ({ maxIseeCents: euro(b.max), coveragePercent: b.percent.value ? Number(b.percent.value) : null, monthlyCapCents: euro(b.cap) })),
    };
    try {
      await api.createProgramme(programme);
      showProblem(null, fields, status);
      form.reset();
      status.textContent = t('progCreated');
      announce(t('progCreated'));
      await onCreated();
    } catch (e) {
      showProblem(e, fields, status);
    }
  });
  return form;
}

function billRunForm(onBilled: () => Promise<void>): HTMLElement {
  const month = h('input', { type: 'month', class: 'form-control', value: thisMonth() });
  const fields = { period: { ...field('bill-month', t('billRunMonth'), month), input: month as Input } };
  const status = h('p', { role: 'status', class: 'mb-0 mt-2', 'data-testid': 'bill-run-result' });
  const form = h('form', { class: 'card card-body mb-4', novalidate: true, 'data-testid': 'bill-run', 'aria-labelledby': 'bill-run-title' },
    h('h3', { id: 'bill-run-title', class: 'h5' }, t('billRunTitle')),
    h('div', { class: 'row g-3 align-items-end' }, fields.period.element, h('div', { class: 'col-sm-4' }, h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'bill-run-submit' }, t('billRunSubmit')))),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const run = await api.bill(month.value);
      showProblem(null, fields, status);
      status.textContent = t('billRunDone', { period: run.period, orders: run.ordersBilled, gross: formatCents(run.grossCents), subsidy: formatCents(run.subsidyCents), made: run.paymentsMade, pending: run.paymentsPending });
      announce(status.textContent);
      await onBilled();
    } catch (e) {
      showProblem(e, fields, status);
    }
  });
  return form;
}

async function obligationsPanel(onSettled: () => Promise<void>): Promise<HTMLElement> {
  const month = h('input', { type: 'month', class: 'form-control', value: thisMonth() });
  const reference = h('input', { type: 'text', class: 'form-control', maxlength: 100 });
  const fields = {
    period: { ...field('obl-month', t('billRunMonth'), month), input: month as Input },
    reference: { ...field('obl-reference', t('oblReference'), reference, 'col-sm-6'), input: reference as Input },
  };
  const table = h('div', { 'data-testid': 'obligations' });
  const csv = h('a', { class: 'btn btn-outline-primary btn-sm', 'data-testid': 'obligations-csv', download: true }, t('oblCsv'));
  // The list says what went wrong loading it; the settle form, what settling did: one does not overwrite the other.
  const listStatus = h('p', { role: 'status', class: 'mb-0', 'data-testid': 'obligations-status' });
  const status = h('p', { role: 'status', class: 'mb-0 mt-2', 'data-testid': 'obligations-settle-result' });
  const show = async () => {
    csv.setAttribute('href', `/api/v1/subsidies/obligations.csv?period=${encodeURIComponent(month.value)}`);
    try {
      const rows = await api.obligations(month.value);
      showProblem(null, { period: fields.period }, listStatus);
      mount(table, rows.length === 0 ? h('p', {}, t('oblEmpty')) : h('div', { class: 'table-responsive' }, h('table', { class: 'table table-sm' },
        h('caption', {}, t('oblCaption')),
        h('thead', {}, h('tr', {}, ...(['oblProvider', 'oblFamily', 'oblGranted', 'oblState'] as MessageKey[]).map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, ...rows.map((r) => h('tr', {},
          h('td', {}, `${r.providerName} (${r.providerVat})`),
          h('td', {}, r.familyId.slice(0, 8)),
          h('td', {}, formatCents(r.grantedCents), r.shortOfBudget ? ` ${t('oblShortNote')}` : ''),
          h('td', {}, r.settledAt ? `${t('oblDone')} · ${r.settlementReference ?? ''}` : t('oblOpen'))))))));
    } catch (e) {
      showProblem(e, { period: fields.period }, listStatus);
    }
  };
  const showButton = h('button', { type: 'button', class: 'btn btn-outline-primary', 'data-testid': 'obligations-show' }, t('oblShow'));
  showButton.addEventListener('click', () => void show());
  const settle = h('form', { class: 'row g-3 align-items-end mt-1', novalidate: true },
    fields.reference.element,
    h('div', { class: 'col-sm-4' }, h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'obligations-settle' }, t('oblSettle'))));
  settle.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const done = await api.settleObligations(month.value, reference.value);
      showProblem(null, fields, status);
      status.textContent = t('oblSettled', { count: done.settled, amount: formatCents(done.amountCents) });
      announce(status.textContent);
      await show();
      await onSettled();
    } catch (e) {
      showProblem(e, fields, status);
    }
  });
  await show();
  return h('section', { class: 'card card-body mb-4', 'aria-labelledby': 'obl-title' },
    h('h3', { id: 'obl-title', class: 'h5' }, t('oblTitle')),
    h('div', { class: 'row g-3 align-items-end' }, fields.period.element, h('div', { class: 'col-sm-8 d-flex gap-2' }, showButton, csv)),
    listStatus, table, settle, status);
}

async function iseePanel(): Promise<HTMLElement> {
  const list = h('ul', { class: 'list-unstyled mb-0', 'data-testid': 'isee-declarations' });
  const render = async () => {
    const declarations = await api.iseeDeclarations();
    mount(list, ...(declarations.length === 0 ? [h('li', {}, t('iseeNone'))] : declarations.map((d) => {
      const verify = h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary ms-2', 'data-testid': 'isee-verify', 'data-family-id': d.familyId }, t('iseeVerify', { name: d.familyName }));
      verify.addEventListener('click', async () => {
        await api.verifyIsee(d.familyId);
        announce(t('iseeVerified'));
        await render();
      });
      return h('li', { class: 'mb-2' }, `${d.familyName} · ${formatCents(d.iseeCents)} · ${d.dsuProtocol} · ${day(d.expiresOn)} `,
        d.verified ? h('span', { class: 'badge bg-success' }, t('iseeVerified')) : verify);
    })));
  };
  await render();
  return h('section', { class: 'card card-body mb-4', 'aria-labelledby': 'isee-list-title' }, h('h3', { id: 'isee-list-title', class: 'h5' }, t('iseeListTitle')), list);
}

async function manualPayments(): Promise<HTMLElement> {
  const list = h('ul', { class: 'list-unstyled mb-0', 'data-testid': 'manual-payments' });
  const render = async () => {
    const payments = [...await api.payments('manual'), ...await api.payments('failed'), ...await api.payments('refused')];
    mount(list, ...(payments.length === 0 ? [h('li', {}, t('manualNone'))] : payments.map((p) => {
      const settle = h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary ms-2', 'aria-label': `${t('manualSettle')}: ${t(`kind.${p.kind}` as MessageKey)} ${formatCents(p.amountCents)} ${p.period}` }, t('manualSettle'));
      settle.addEventListener('click', async () => {
        await api.settlePayment(p.id);
        await render();
      });
      return h('li', { class: 'mb-2' }, `${t(`kind.${p.kind}` as MessageKey)} · ${formatCents(p.amountCents)} · ${p.period}${p.lastError ? ` · ${p.lastError}` : ''}`, settle);
    })));
  };
  await render();
  return h('section', { class: 'card card-body mb-4', 'aria-labelledby': 'manual-title' }, h('h3', { id: 'manual-title', class: 'h5' }, t('manualTitle')), list);
}

async function reconciliationPanel(): Promise<HTMLElement> {
  const list = h('ul', { class: 'list-unstyled mb-0', 'data-testid': 'reconciliation' });
  const render = async () => {
    const items = (await api.reconciliation()).filter((i) => !i.resolved);
    mount(list, ...(items.length === 0 ? [h('li', {}, t('reconNone'))] : items.map((i) => {
      const resolve = h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary ms-2' }, t('reconResolve'));
      resolve.addEventListener('click', async () => {
        await api.resolveItem(i.id);
        await render();
      });
      return h('li', { class: 'mb-2' }, `${formatCents(i.amountCents)} · ${i.detail}`, resolve);
    })));
  };
  await render();
  return h('section', { class: 'card card-body mb-4', 'aria-labelledby': 'recon-title' }, h('h3', { id: 'recon-title', class: 'h5' }, t('reconTitle')), list);
}
