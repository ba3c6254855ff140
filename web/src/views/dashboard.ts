import { api, type CareRequest, type Me, type Pool } from '../api';
import { h, mount } from '../dom';
import { label, t } from '../i18n';
import { poolCard } from './poolCard';

/** Families see their requests with their pools; staff, providers and administrators see pools. */
export async function renderDashboard(main: HTMLElement, me: Me): Promise<void> {
  const isFamily = me.roles.includes('family');
  if (!isFamily) {
    const pools = await api.pools();
    mount(main,
      h('h1', { class: 'h2 mb-4' }, t('staffTitle')),
      pools.length === 0 ? h('p', {}, t('noPools')) : h('div', { class: 'pool-list' }, ...pools.map(poolCard)));
    return;
  }

  const requests = await api.myRequests();
  const poolIds = [...new Set(requests.map((r) => r.poolId).filter((id): id is string => id !== null))];
  const pools = new Map<string, Pool>((await Promise.all(poolIds.map((id) => api.pool(id)))).map((p) => [p.id, p]));
  mount(main,
    h('div', { class: 'd-flex justify-content-between align-items-center flex-wrap gap-2 mb-4' },
      h('h1', { class: 'h2 mb-0' }, t('dashboardTitle')),
      h('a', { href: '#/requests/new', class: 'btn btn-primary', 'data-testid': 'new-request' }, t('newRequest'))),
    requests.length === 0
      ? h('p', {}, t('noRequests'))
      : h('ul', { class: 'list-unstyled request-list' }, ...requests.map((r) => requestItem(r, r.poolId ? pools.get(r.poolId) : undefined))),
    h('p', { class: 'mt-4' }, h('a', { href: '/api/v1/account/data', download: 'will-marketplace-my-data.json', 'data-testid': 'my-data' }, t('myData'))));
}

function requestItem(request: CareRequest, pool: Pool | undefined): HTMLElement {
  return h('li', { class: 'mb-2', 'data-request-id': request.id },
    h('h2', { class: 'visually-hidden' }, `${t('requestStatus')}: ${label('category', request.categoryCode)}`),
    pool ? poolCard(pool) : h('p', {}, `${label('category', request.categoryCode)} — ${label('status', request.status)}`));
}
