import { api, ProblemError, type Award, type Order } from '../api';
import { announce, h } from '../dom';
import { formatCents, formatDay, formatPoints, language, priceUnit, t } from '../i18n';
import { ratingForm } from './outcomes';


/** The award of a pool with every bid's score, for its families and staff. */
export function awardSection(poolId: string): HTMLElement {
  const region = h('div', { class: 'mt-2', 'data-testid': 'award' });
  const button = h('button', { type: 'button', class: 'btn btn-outline-primary btn-sm', 'aria-expanded': 'false', 'data-testid': 'award-show' }, t('awardShow'));
  button.addEventListener('click', async () => {
    try {
      region.replaceChildren(awardTable(await api.award(poolId)));
      button.setAttribute('aria-expanded', 'true');
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      region.replaceChildren(h('p', { role: 'alert' }, t('awardMissing')));
    }
  });
  return h('div', { class: 'mt-2' }, button, region);
}

function awardTable(award: Award): HTMLElement {
  return h('div', {},
    h('p', { class: 'mb-1', 'data-testid': 'award-winner' }, t('awardWinner', { name: award.winnerName, cost: formatCents(award.weeklyCostCents) })),
    h('p', { class: 'small mb-1' }, t('awardWeights', { price: award.priceWeight, quality: award.qualityWeight, outcomes: award.outcomesWeight })),
    h('div', { class: 'table-responsive' },
      h('table', { class: 'table table-sm' },
        h('caption', {}, t('awardCaption')),
        h('thead', {}, h('tr', {}, ...['awardRank', 'awardBidder', 'awardCost', 'awardPrice', 'awardQuality', 'awardOutcomes', 'awardTotal'].map((k) => h('th', { scope: 'col' }, t(k as Parameters<typeof t>[0]))))),
        h('tbody', {}, ...award.bids.map((b) => h('tr', { class: b.winner ? 'table-success' : '' },
          h('td', {}, b.rank), h('th', { scope: 'row' }, b.bidder), h('td', {}, formatCents(b.weeklyCostCents)),
          h('td', {}, formatPoints(b.priceScore)), h('td', {}, formatPoints(b.qualityScore)), h('td', {}, formatPoints(b.outcomeScore)), h('td', {}, formatPoints(b.total))))))));
}

/** A family's answer to the award of its pool: confirm, or decline and leave. */
export function awardAnswer(requestId: string, onAnswered: () => Promise<void>): HTMLElement {
  const status = h('p', { role: 'status', class: 'mb-0' });
  const confirm = h('button', { type: 'button', class: 'btn btn-primary btn-sm', 'data-testid': 'award-confirm' }, t('awardConfirm'));
  const decline = h('button', { type: 'button', class: 'btn btn-outline-danger btn-sm', 'data-testid': 'award-decline' }, t('awardDecline'));
  const answer = async (yes: boolean) => {
    if (!yes && !window.confirm(t('awardDeclineConfirm'))) return;
    confirm.disabled = decline.disabled = true;
    try {
      const result = await (yes ? api.confirmAward(requestId) : api.declineAward(requestId));
      announce(t(result.outcome === 'OrderStarts' ? 'orderStarted' : yes ? 'awardConfirmed' : 'awardDeclined'));
      await onAnswered();
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      status.textContent = e.title;
      confirm.disabled = decline.disabled = false;
    }
  };
  confirm.addEventListener('click', () => void answer(true));
  decline.addEventListener('click', () => void answer(false));
  return h('div', { class: 'd-flex gap-2 align-items-center flex-wrap mt-2', 'data-testid': 'award-answer' }, h('span', {}, t('awardQuestion')), confirm, decline, status);
}

/** The order's weekly sessions as a calendar file (.ics), in the language the person chose. */
export function calendarLink(poolId: string): HTMLElement {
  return h('a', { href: `/api/v1/pools/${encodeURIComponent(poolId)}/order/calendar.ics?ui-culture=${language()}`, download: '', class: 'btn btn-outline-primary btn-sm', 'data-testid': 'order-calendar' }, t('orderCalendar'));
}

/** The collective order a family's pool became. */
export async function orderSummary(poolId: string): Promise<HTMLElement> {
  const order: Order = await api.order(poolId);
  const unit = priceUnit(order.unit);
  return h('div', { class: 'card card-body mt-2', 'data-testid': 'order' },
    h('h3', { class: 'h6' }, t('orderTitle')),
    h('p', { class: 'mb-1' }, t('orderProvider', { name: order.providerName, price: formatCents(order.priceCents), unit })),
    h('p', { class: 'mb-1' }, t('orderStarts', { date: formatDay(order.startsOn), families: order.memberCount })),
    order.holdbackPercent > 0 ? h('p', { class: 'mb-0 small' }, t('orderHoldback', { percent: order.holdbackPercent })) : null,
    h('p', { class: 'mt-2 mb-0' }, calendarLink(poolId)),
    await ratingForm(poolId));
}
