import { api, ProblemError, type Bid, type BidOutcome, type Category, type NewBid, type Pool, type ProviderService } from '../api';
import { announce, h, mount } from '../dom';
import { formatCents, formatDay, formatMoment, formatPoints, label, localDay, priceUnit, t, tCount, type MessageKey } from '../i18n';
import { calendarLink } from './awardView';
import { payoutsCard } from './money';
import { poolCard } from './poolCard';

const indicators = ['family-satisfaction', 'carer-continuity', 'attendance'] as const;

/** A provider's board: the pools open for bids in its municipality, each with its sealed bid. */
export async function renderProviderBoard(main: HTMLElement): Promise<void> {
  const [pools, categories, services, outcomes] = await Promise.all([
    api.pools({ status: 'open-for-bids' }), api.categories().catch(() => [] as Category[]), api.myServices().catch(() => null), api.myBids().catch(() => null)]);
  const bids = await Promise.all(pools.map((p) => api.myBid(p.id).catch(() => null)));
  const reference = (code: string) => categories.find((c) => c.code === code)?.referencePricePerHourCents ?? null;
  mount(main,
    h('h1', { class: 'h2 mb-2' }, t('boardTitle')),
    h('p', { class: 'mb-4' }, t('boardIntro')),
    pools.length === 0
      ? h('p', { 'data-testid': 'board-empty' }, t('boardEmpty'))
      : h('ul', { class: 'list-unstyled', 'data-testid': 'board' }, ...pools.map((pool, i) => h('li', { class: 'row g-3 mb-4' },
        // The tender and the bid on it side by side where there is room.
        h('div', { class: 'col-lg-6' }, poolCard(pool)),
        h('div', { class: 'col-lg-6' }, bidSection(pool, bids[i] ?? null, reference(pool.categoryCode), () => renderProviderBoard(main)))))),
    services ? servicesSection(services) : null,
    outcomes ? outcomesSection(outcomes.filter((o) => o.outcome !== 'open')) : null,
    await payoutsCard().catch(() => null));
}

/** How the organisation's bids fared once bidding closed: won, or its place and score against the winner's. */
function outcomesSection(outcomes: BidOutcome[]): HTMLElement {
  const text = (o: BidOutcome) => {
    if (o.outcome === 'won') return t('bidWon');
    if (o.outcome === 'not-chosen' && o.rank !== null && o.bidders !== null && o.total !== null && o.winnerTotal !== null) {
      return t('bidNotChosen', { rank: o.rank, bidders: o.bidders, total: formatPoints(o.total), winner: formatPoints(o.winnerTotal) });
    }
    return t(o.outcome === 'excluded' ? 'bidExcluded' : 'bidClosed');
  };
  return h('section', { class: 'mt-5', 'aria-labelledby': 'outcomes-title', 'data-testid': 'my-bids' },
    h('h2', { class: 'h4', id: 'outcomes-title' }, t('bidOutcomesTitle')),
    outcomes.length === 0
      ? h('p', {}, t('bidOutcomesEmpty'))
      : h('ul', { class: 'list-unstyled' }, ...outcomes.map((o) => h('li', { class: 'card card-body mb-3 pool-card', 'data-testid': 'bid-outcome', 'data-pool-id': o.poolId, 'data-outcome': o.outcome },
        h('h3', { class: 'h5' }, label('category', o.categoryCode)),
        h('p', { class: 'mb-1 fw-semibold', 'data-testid': 'bid-outcome-text' }, text(o)),
        h('p', { class: 'mb-0' }, t('bidOffered', { price: formatCents(o.priceCents), unit: priceUnit(o.unit), date: formatMoment(o.submittedAt) }))))));
}

/** The pools awarded to the provider: waiting for the families to confirm, or the services it runs. */
function servicesSection(services: ProviderService[]): HTMLElement {
  const state = (s: ProviderService) => {
    if (s.status === 'awarded') return t('serviceAwaiting');
    if (s.startsOn && s.status === 'active') {
      return t(localDay(s.startsOn) > new Date() ? 'serviceStarts' : 'serviceRunning', { date: formatDay(s.startsOn) });
    }
    return label('status', s.status);
  };
  return h('section', { class: 'mt-5', 'aria-labelledby': 'services-title', 'data-testid': 'my-services' },
    h('h2', { class: 'h4', id: 'services-title' }, t('servicesTitle')),
    services.length === 0
      ? h('p', {}, t('servicesEmpty'))
      : h('ul', { class: 'list-unstyled' }, ...services.map((s) => h('li', { class: 'card card-body mb-3 pool-card', 'data-testid': 'my-service', 'data-pool-id': s.poolId },
        h('h3', { class: 'h5' }, label('category', s.categoryCode)),
        h('p', { class: 'mb-1 fw-semibold', 'data-testid': 'service-state' }, state(s)),
        h('p', { class: 'mb-1' }, tCount(s.memberCount, 'serviceFamilyOne', 'serviceFamilies', { count: s.memberCount })),
        h('p', { class: 'mb-0' }, s.priceCents !== null && s.unit
          ? t('servicePrice', { price: formatCents(s.priceCents), unit: priceUnit(s.unit), weekly: formatCents(s.weeklyCostCents) })
          : t('serviceWeekly', { weekly: formatCents(s.weeklyCostCents) })),
        s.status === 'active' ? h('p', { class: 'mt-2 mb-0' }, calendarLink(s.poolId)) : null))));
}

function bidSection(pool: Pool, bid: Bid | null, referenceCents: number | null, refresh: () => Promise<void>): HTMLElement {
  const id = (name: string) => `bid-${name}-${pool.id}`;
  const status = h('div', { role: 'alert', 'data-testid': 'bid-status' });
  const price = h('input', { id: id('price'), type: 'number', min: '0.01', step: '0.01', class: 'form-control', required: true, 'aria-describedby': referenceCents === null ? id('price-error') : `${id('price-reference')} ${id('price-error')}`, value: bid ? (bid.priceCents / 100).toFixed(2) : '' });
  const unit = h('select', { id: id('unit'), class: 'form-select' },
    h('option', { value: 'per-hour', selected: !bid || bid.unit === 'per-hour' }, t('perHour')),
    h('option', { value: 'per-session', selected: bid?.unit === 'per-session' }, t('perSession')));
  const boxes = indicators.map((code) => h('input', { id: id(code), type: 'checkbox', class: 'form-check-input', value: code, checked: bid?.outcomeCommitments.includes(code) ?? false }));
  const pledge = h('input', { id: id('pledge'), type: 'checkbox', class: 'form-check-input', checked: bid?.continuityPledge ?? false });
  const priceError = h('div', { class: 'invalid-feedback d-block', id: id('price-error') });
  // The price the families' estimates were worked out at: what a bid is weighed against in their eyes.
  const referenceHint = referenceCents === null ? null
    : h('div', { class: 'form-text', id: id('price-reference'), 'data-testid': 'bid-reference' }, t('bidReference', { price: formatCents(referenceCents) }));
  const form = h('form', { class: 'card card-body', 'data-testid': 'bid-form', 'aria-label': t('bidFormLabel') },
    bid ? h('p', { class: 'mb-2 fw-semibold', 'data-testid': 'my-bid' }, t('myBid', { price: formatCents(bid.priceCents), unit: priceUnit(bid.unit) })) : null,
    h('div', { class: 'row g-3' },
      h('div', { class: 'col-sm-6' }, h('label', { for: id('price'), class: 'form-label' }, t('bidPrice')), price, referenceHint, priceError),
      h('div', { class: 'col-sm-6' }, h('label', { for: id('unit'), class: 'form-label' }, t('bidUnit')), unit)),
    h('fieldset', { class: 'mt-3' }, h('legend', { class: 'h6' }, t('bidOutcomes')),
      ...indicators.map((code, i) => h('div', { class: 'form-check' }, boxes[i], h('label', { for: id(code), class: 'form-check-label' }, t(`indicator-${code}` as MessageKey))))),
    h('div', { class: 'form-check mt-2' }, pledge, h('label', { for: id('pledge'), class: 'form-check-label' }, t('bidPledge'))),
    h('div', { class: 'd-flex gap-2 mt-3' },
      h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'bid-submit' }, t(bid ? 'bidRevise' : 'bidSubmit')),
      bid ? h('button', { type: 'button', class: 'btn btn-outline-danger', 'data-testid': 'bid-withdraw' }, t('bidWithdraw')) : null),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    priceError.textContent = '';
    const euros = Number.parseFloat(price.value);
    const body: NewBid = {
      priceCents: Number.isFinite(euros) ? Math.round(euros * 100) : null,
      unit: unit.value,
      outcomeCommitments: boxes.filter((b) => b.checked).map((b) => b.value),
      continuityPledge: pledge.checked,
    };
    try {
      await (bid ? api.reviseBid(pool.id, body) : api.submitBid(pool.id, body));
      announce(t(bid ? 'bidRevised' : 'bidSent'));
      await refresh();
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      priceError.textContent = e.errors.priceCents?.join(' ') ?? '';
      status.className = 'alert alert-danger mt-3';
      status.textContent = e.title;
    }
  });
  form.querySelector('[data-testid="bid-withdraw"]')?.addEventListener('click', async () => {
    if (!window.confirm(t('bidWithdrawConfirm'))) return;
    await api.withdrawBid(pool.id);
    announce(t('bidWithdrawn'));
    await refresh();
  });
  return form;
}
