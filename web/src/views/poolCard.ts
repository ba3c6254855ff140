import type { Pool, Slot } from '../api';
import { h } from '../dom';
import { attributeName, attributeValue, formatDay, formatDuration, formatMoment, label, localDay, locale, t, tCount, type MessageKey } from '../i18n';

export function scheduleText(slots: Slot[]): string {
  return slots.map((s) => `${t(s.day as MessageKey)} ${s.start}–${s.end}`).join(', ');
}

/** The card a family (or staff) sees for a pool; `updatePoolCard` refreshes it in place on live events. */
export function poolCard(pool: Pool): HTMLElement {
  const titleId = `pool-title-${pool.id}`;
  return h('article', { class: 'card card-bg pool-card mb-3', 'data-testid': 'pool-card', 'data-pool-id': pool.id, 'aria-labelledby': titleId },
    h('div', { class: 'card-body' },
      h('div', { class: 'd-flex justify-content-between align-items-start gap-2 flex-wrap' },
        h('h3', { class: 'card-title h5', id: titleId }, label('category', pool.categoryCode)),
        h('span', { class: 'badge bg-primary', 'data-testid': 'pool-status' }, label('status', pool.status))),
      h('p', { class: 'mb-1 members' }, ...membersText(pool)),
      h('div', {
        class: 'progress mb-2', role: 'progressbar', 'aria-label': t('poolQuorum'),
        'aria-valuemin': 0, 'aria-valuemax': pool.quorum, 'aria-valuenow': Math.min(pool.memberCount, pool.quorum),
      }, progressBar(pool)),
      h('p', { class: 'mb-1 places' }, t('poolPlaces', { places: pool.placesLeft, capacity: pool.capacity })),
      h('p', { class: 'mb-0 small' }, h('strong', {}, `${t('poolSchedule')}: `), scheduleText(pool.schedule)),
      timing(pool),
      startsText(pool),
      // Until when providers bid: when the family will know who serves it.
      pool.status === 'open-for-bids' && pool.biddingClosesAt
        ? h('p', { class: 'mb-0 small', 'data-testid': 'pool-bidding' }, t('poolBiddingUntil', { moment: formatMoment(pool.biddingClosesAt) }))
        : null,
      pool.demand
        ? h('p', { class: 'mb-0 small', 'data-testid': 'pool-demand' },
          tCount(pool.demand.weeklyHours, 'weeklyHourOne', 'weeklyHours', { hours: new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(pool.demand.weeklyHours) }),
          ...Object.entries(pool.demand.attributes).map(([key, value]) => h('span', { class: 'badge bg-light text-dark ms-2', 'data-testid': 'pool-attribute', 'data-key': key }, `${attributeName(key)}: ${attributeValue(key, value)}`)))
        : null));
}

export function updatePoolCard(card: HTMLElement, pool: Pick<Pool, 'status' | 'memberCount' | 'capacity' | 'quorum'>): void {
  card.querySelector('[data-testid="pool-status"]')!.textContent = label('status', pool.status);
  card.querySelector('.members')!.replaceChildren(...membersText(pool));
  const bar = card.querySelector<HTMLElement>('[role="progressbar"]')!;
  bar.setAttribute('aria-valuemax', String(pool.quorum));
  bar.setAttribute('aria-valuenow', String(Math.min(pool.memberCount, pool.quorum)));
  bar.querySelector<HTMLElement>('.progress-bar')!.style.width = `${progress(pool)}%`;
  card.querySelector('.places')!.textContent = t('poolPlaces', { places: pool.capacity - pool.memberCount, capacity: pool.capacity });
}

function membersText(pool: Pick<Pool, 'memberCount' | 'quorum'>): Node[] {
  // "{count} di {quorum} famiglie" with the count in its own element for tests and styling, then how many are still needed.
  const [before, after] = t('poolMembers', { count: '\u0000', quorum: pool.quorum }).split('\u0000');
  const nodes: Node[] = [document.createTextNode(before ?? ''), h('strong', { 'data-testid': 'pool-member-count' }, pool.memberCount), document.createTextNode(after ?? '')];
  const missing = pool.quorum - pool.memberCount;
  if (missing > 0) {
    nodes.push(h('span', { 'data-testid': 'pool-missing' }, ` · ${tCount(missing, 'poolMissingOne', 'poolMissing')}`));
  }
  return nodes;
}

// Set through the CSSOM: the Content-Security-Policy allows no inline style attributes.
function progressBar(pool: Pick<Pool, 'memberCount' | 'quorum'>): HTMLElement {
  const bar = h('div', { class: 'progress-bar' });
  bar.style.width = `${progress(pool)}%`;
  return bar;
}

function progress(pool: Pick<Pool, 'memberCount' | 'quorum'>): number {
  return Math.round((Math.min(pool.memberCount, pool.quorum) / pool.quorum) * 100);
}

/** When the service may start: the latest start a family asked for, the day its order starts at the earliest. */
function startsText(pool: Pool): HTMLElement | null {
  const from = pool.demand?.startsFrom;
  if (!from || !['forming', 'open-for-bids', 'awarded'].includes(pool.status)) return null;
  return h('p', { class: 'mb-0 small', 'data-testid': 'pool-starts' },
    localDay(from) > new Date() ? t('poolStartsFrom', { date: formatDay(from) }) : t('poolStartsSoon'));
}

/** How long a pool has been forming, or how long it took to reach its minimum: what staff watch. */
function timing(pool: Pool): HTMLElement | null {
  if (!pool.createdAt) return null;
  const from = new Date(pool.createdAt).getTime();
  const to = pool.quorumReachedAt ? new Date(pool.quorumReachedAt).getTime() : Date.now();
  const duration = formatDuration(Math.max(0, (to - from) / 60_000));
  return h('p', { class: 'mb-0 small', 'data-testid': 'pool-timing' }, pool.quorumReachedAt ? t('quorumIn', { duration }) : t('waitingFor', { duration }));
}
