import { api, ProblemError, type Award } from '../api';
import { h } from '../dom';
import { formatCents, locale, t } from '../i18n';

const points = (n: number) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(n / 100);

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
          h('td', {}, points(b.priceScore)), h('td', {}, points(b.qualityScore)), h('td', {}, points(b.outcomeScore)), h('td', {}, points(b.total))))))));
}
