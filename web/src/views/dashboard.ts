import { api, ProblemError, type AuditEntry, type CareRequest, type CityFigures, type Me, type Municipality, type Pool, type Resident } from '../api';
import { announce, h, mount } from '../dom';
import { formatCents, formatDay, formatDuration, label, locale, t, type MessageKey } from '../i18n';
import { accreditationSection } from './accreditations';
import { awardAnswer, awardSection, orderSummary } from './awardView';
import { messagesSection, reportedMessagesSection } from './poolMessages';
import { familyMoney, leaveForm, staffMoney } from './money';
import { verificationForm } from './outcomes';
import { poolCard } from './poolCard';
import { renderProviderBoard } from './providerBoard';

/** Families see their requests with their pools; staff, providers and administrators see pools. */
export async function renderDashboard(main: HTMLElement, me: Me, onErased: () => void = () => undefined, onActFor: (r: Resident) => void = () => undefined): Promise<void> {
  const isFamily = me.roles.includes('family');
  if (me.roles.includes('provider')) {
    await renderProviderBoard(main);
    return;
  }

  if (!isFamily) {
    const isStaff = me.roles.includes('staff');
    const [categories, audit, municipalities, figures] = await Promise.all([
      api.categories(), isStaff ? api.audit().catch(() => null) : Promise.resolve(null), api.municipalities(), api.networkFigures().catch(() => null)]);
    const centre = municipalities.find((m) => m.code === me.municipalityCode) ?? null;
    // Administrators watch the whole network: they choose a city, and zones are named with theirs.
    const network = !me.municipalityCode;
    const cityOf = (pool: Pool) => (network ? municipalities.find((m) => m.code === pool.municipalityCode) ?? null : centre);
    const city = network
      ? h('select', { id: 'filter-municipality', class: 'form-select' },
        h('option', { value: '' }, t('filterAll')), ...[...municipalities].sort((a, b) => a.name.localeCompare(b.name)).map((m) => h('option', { value: m.code }, m.name)))
      : null;
    const list = h('div', { class: 'pool-list', 'aria-live': 'polite' });
    const category = h('select', { id: 'filter-category', class: 'form-select' },
      h('option', { value: '' }, t('filterAll')), ...categories.map((c) => h('option', { value: c.code }, label('category', c.code))));
    const status = h('select', { id: 'filter-status', class: 'form-select' },
      h('option', { value: '' }, t('filterAll')), ...['forming', 'open-for-bids', 'awarded', 'active', 'closed', 'cancelled'].map((s) => h('option', { value: s }, label('status', s))));
    const filters = h('form', { class: 'row g-3 align-items-end mb-4', 'data-testid': 'pool-filters' },
      city ? h('div', { class: 'col-sm-3' }, h('label', { for: 'filter-municipality', class: 'form-label' }, t('filterMunicipality')), city) : null,
      h('div', { class: city ? 'col-sm-3' : 'col-sm-5' }, h('label', { for: 'filter-category', class: 'form-label' }, t('filterCategory')), category),
      h('div', { class: city ? 'col-sm-3' : 'col-sm-4' }, h('label', { for: 'filter-status', class: 'form-label' }, t('filterStatus')), status),
      h('div', { class: 'col-sm-3' }, h('button', { type: 'submit', class: 'btn btn-primary' }, t('filterApply'))));
    const load = async () => mount(list, ...byZone(await api.pools({ municipality: city?.value, category: category.value, status: status.value }), cityOf, network));
    filters.addEventListener('submit', (event) => {
      event.preventDefault();
      void load();
    });
    const regroupResult = h('p', { class: 'mt-2 mb-0', role: 'status', 'data-testid': 'reoptimise-result' });
    const regroup = h('button', { type: 'button', class: 'btn btn-outline-primary', 'data-testid': 'reoptimise', 'aria-describedby': 'reoptimise-help' }, t('reoptimise'));
    regroup.addEventListener('click', async () => {
      if (!category.value) {
        regroupResult.textContent = t('reoptimiseNeedsCategory');
        return;
      }

      regroup.disabled = true;
      try {
        const report = await api.reoptimise(category.value);
        regroupResult.textContent = t('reoptimiseDone', { waiting: report.waiting, pooled: report.familiesPooled, moved: report.moved });
        await load();
      } catch (e) {
        regroupResult.textContent = e instanceof ProblemError ? e.title : t('unexpectedError');
      } finally {
        regroup.disabled = false;
      }
    });
    const regroupSection = isStaff
      ? h('div', { class: 'mb-4' }, regroup, h('p', { id: 'reoptimise-help', class: 'form-text mb-0' }, t('reoptimiseHelp')), regroupResult)
      : null;
    mount(main,
      h('h1', { class: 'h2 mb-4' }, t(network ? 'networkTitle' : 'staffTitle')),
      audit ? helpDeskForm(onActFor) : null,
      filters,
      regroupSection,
      list,
      figures ? citiesTable(figures, me.municipalityCode) : null,
      isStaff && audit ? await accreditationSection() : null,
      isStaff && audit ? await reportedMessagesSection().catch(() => null) : null,
      isStaff && audit ? await staffMoney(categories) : null,
      isStaff && me.municipalityCode ? openDataLinks(me.municipalityCode) : null,
      audit ? auditTable(audit) : isStaff ? h('p', { class: 'mt-5' }, h('a', { href: '#/security' }, t('auditNeedsTwoFactor'))) : null);
    await load();
    return;
  }

  const requests = await api.myRequests();
  // Only pools the family is still in: a withdrawn request keeps its old pool id, which is no longer its to see.
  const poolIds = [...new Set(requests.filter((r) => r.status === 'pooled' && r.poolId !== null).map((r) => r.poolId!))];
  const loaded = await Promise.allSettled(poolIds.map((id) => api.pool(id)));
  const pools = new Map<string, Pool>(loaded.flatMap((r) => (r.status === 'fulfilled' ? [[r.value.id, r.value] as const] : [])));
  mount(main,
    h('div', { class: 'd-flex justify-content-between align-items-center flex-wrap gap-2 mb-4' },
      h('h1', { class: 'h2 mb-0' }, t('dashboardTitle')),
      h('a', { href: '#/requests/new', class: 'btn btn-primary', 'data-testid': 'new-request' }, t('newRequest'))),
    requests.length === 0
      ? h('p', {}, t('noRequests'))
      : h('ul', { class: 'list-unstyled request-list' }, ...requests.map((r) => requestItem(r, r.poolId ? pools.get(r.poolId) : undefined, () => renderDashboard(main, me, onErased, onActFor)))),
    await familyMoney(),
    h('p', { class: 'mt-4' }, h('a', { href: '/api/v1/account/data', download: 'will-marketplace-my-data.json', 'data-testid': 'my-data' }, t('myData'))),
    eraseSection(onErased));
  main.querySelectorAll<HTMLButtonElement>('[data-withdraw]').forEach((button) => button.addEventListener('click', async () => {
    if (!window.confirm(t('withdrawConfirm'))) return;
    button.disabled = true;
    await api.withdraw(button.dataset.withdraw!);
    announce(t('withdrawn'));
    await renderDashboard(main, me, onErased);
  }));
}

function eraseSection(onErased: () => void): HTMLElement {
  const error = h('div', { class: 'invalid-feedback d-block', id: 'erase-password-error', role: 'alert' });
  const password = h('input', { type: 'password', id: 'erase-password', class: 'form-control', autocomplete: 'current-password', 'aria-describedby': 'erase-password-error' });
  const form = h('form', { novalidate: true },
    h('p', {}, t('eraseExplain')),
    h('div', { class: 'mb-3' }, h('label', { for: 'erase-password', class: 'form-label' }, t('erasePassword')), password, error),
    h('button', { type: 'submit', class: 'btn btn-danger', 'data-testid': 'erase-submit' }, t('eraseSubmit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await api.erase(password.value);
      onErased();
    } catch (e) {
      error.textContent = e instanceof ProblemError ? (Object.values(e.errors)[0]?.[0] ?? e.title) : t('unexpectedError');
      password.focus();
    }
  });
  return h('details', { class: 'mt-4' }, h('summary', {}, t('eraseTitle')), form);
}

/** The order summary, filled in once read. */
function orderSlot(poolId: string): HTMLElement {
  const slot = h('div', {});
  void orderSummary(poolId).then((summary) => slot.replaceChildren(summary)).catch(() => undefined);
  return slot;
}

function requestItem(request: CareRequest, pool: Pool | undefined, onAnswered: () => Promise<void>): HTMLElement {
  return h('li', { class: 'mb-2', 'data-request-id': request.id },
    h('h2', { class: 'visually-hidden' }, `${t('requestStatus')}: ${label('category', request.categoryCode)}`),
    pool && request.status === 'pooled' ? poolCard(pool) : h('p', {}, `${label('category', request.categoryCode)} — ${label('status', request.status)}`),
    // Until an order gives the day the service starts, the day the family asked for (it decides whom it is pooled with).
    request.status === 'open' || (request.status === 'pooled' && pool?.status !== 'active')
      ? h('p', { class: 'small mb-1', 'data-testid': 'request-start' }, t('requestStartsFrom', { date: formatDay(request.startDate) }))
      : null,
    request.status === 'pooled' ? estimateBox(request.id) : null,
    pool?.status === 'awarded' ? awardSection(pool.id) : null,
    pool?.status === 'awarded' && request.status === 'pooled'
      ? (request.awardConfirmedAt ? h('p', { class: 'mt-2 mb-0', 'data-testid': 'award-waiting' }, t('awardWaiting')) : awardAnswer(request.id, onAnswered))
      : null,
    pool?.status === 'active' ? orderSlot(pool.id) : null,
    pool?.status === 'active' && request.status === 'pooled' ? leaveForm(pool.id, () => void onAnswered()) : null,
    request.status === 'pooled' && pool && ['forming', 'open-for-bids', 'awarded', 'active'].includes(pool.status) ? messagesSection(pool.id) : null,
    request.status === 'pooled' && pool && ['forming', 'open-for-bids'].includes(pool.status)
      ? h('button', { type: 'button', class: 'btn btn-outline-danger btn-sm', 'data-withdraw': request.id, 'data-testid': 'withdraw' }, t('withdraw'))
      : null);
}

/** The cities side by side (benchmarking): pooled share, pools by stage, time to quorum, estimated saving; the viewer's city marked. */
function citiesTable(figures: CityFigures[], own: string | null): HTMLElement {
  const columns: MessageKey[] = ['citiesCity', 'citiesRequests', 'citiesPooled', 'citiesWaiting', 'citiesPools', 'citiesToQuorum', 'citiesSaving'];
  return h('section', { class: 'mt-5', 'aria-labelledby': 'cities-title', 'data-testid': 'cities' },
    h('h2', { class: 'h4', id: 'cities-title' }, t('citiesTitle')),
    h('p', { class: 'small' }, t('citiesExplain')),
    h('div', { class: 'table-responsive' },
      h('table', { class: 'table table-sm' },
        h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, t(c))))),
        h('tbody', {}, ...figures.map((f) => h('tr', { 'data-testid': 'city-row', 'data-municipality': f.municipalityCode, class: f.municipalityCode === own ? 'table-primary' : '' },
          h('th', { scope: 'row' }, f.name),
          h('td', {}, String(f.requests)),
          h('td', {}, f.pooledPercent === null ? '—' : t('citiesPooledValue', { pooled: f.pooled, percent: f.pooledPercent })),
          h('td', {}, String(f.waiting)),
          h('td', {}, t('citiesPoolsValue', { forming: f.poolsForming, open: f.poolsOpenForBids, awarded: f.poolsAwarded, active: f.poolsActive })),
          h('td', {}, f.medianHoursToQuorum === null ? '—' : formatDuration(f.medianHoursToQuorum * 60)),
          h('td', {}, f.averageMonthlySavingCents === null ? '—' : formatCents(f.averageMonthlySavingCents))))))));
}

/** The municipality's audit log, for its staff: the newest entries. */
function auditTable(entries: AuditEntry[]): HTMLElement {
  const time = new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'medium' });
  // People by name (an erased account has none left); roles and codes in words.
  const person = (id: string | null, name: string | null | undefined) => (id === null ? '—' : name || t('auditGone'));
  const roles = (codes: string) => codes.split(',').filter(Boolean).map((r) => label('role', r)).join(', ');
  // An id is shown by its end: the start of a time-ordered id is the moment it was made, the same for many.
  const reference = (id: string | null) => (id === null ? '' : /^[0-9a-f-]{36}$/i.test(id) ? `…${id.slice(-8)}` : id);
  return h('section', { class: 'mt-5', 'aria-labelledby': 'audit-title' },
    h('h2', { class: 'h4', id: 'audit-title' }, t('auditTitle')),
    h('div', { class: 'table-responsive' },
      h('table', { class: 'table table-sm', 'data-testid': 'audit-table' },
        h('thead', {}, h('tr', {},
          ...[t('auditWhen'), t('auditWho'), t('auditAction'), t('auditWhat'), t('auditFor')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, ...entries.map((e) => h('tr', {},
          h('td', {}, time.format(new Date(e.at))),
          h('td', { 'data-testid': 'audit-who' }, e.actorId === null ? '—' : `${person(e.actorId, e.actorName)}${e.actorRoles ? ` · ${roles(e.actorRoles)}` : ''}`),
          h('td', {}, label('auditAction', e.action)),
          h('td', {}, `${label('auditResource', e.resource)} ${reference(e.resourceId)}`.trim()),
          h('td', { 'data-testid': 'audit-for' }, person(e.onBehalfOfId, e.onBehalfOfName))))))));
}

/** Staff find a resident of their municipality by e-mail and act for them. */
function helpDeskForm(onActFor: (r: Resident) => void): HTMLElement {
  const email = h('input', { type: 'email', id: 'desk-email', class: 'form-control', autocomplete: 'off' });
  const results = h('div', { 'aria-live': 'polite', id: 'desk-results' });
  const form = h('form', { novalidate: true, class: 'mb-5' },
    h('div', { class: 'mb-3' }, h('label', { for: 'desk-email', class: 'form-label' }, t('deskEmail')), email),
    h('button', { type: 'submit', class: 'btn btn-outline-primary', 'data-testid': 'desk-find' }, t('deskFind')),
    results);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const found = await api.findResident(email.value.trim()).catch(() => []);
    mount(results, ...(found.length === 0 ? [h('p', { class: 'mt-3' }, t('deskNone'))] : found.map((r) => {
      const button = h('button', { type: 'button', class: 'btn btn-primary mt-3', 'data-testid': 'desk-act' }, t('deskActFor', { name: r.displayName || r.email }));
      button.addEventListener('click', () => onActFor(r));
      return button;
    })));
  });
  return h('section', { 'aria-labelledby': 'desk-title' }, h('h2', { class: 'h4', id: 'desk-title' }, t('deskTitle')), form);
}

/** The price curve for one request: filled now and again whenever its pool changes. */
function estimateBox(requestId: string): HTMLElement {
  const box = h('div', { class: 'price-estimate mb-2', 'data-testid': 'price-estimate', 'data-request-id': requestId });
  void refreshEstimate(box);
  return box;
}

export async function refreshEstimate(box: HTMLElement): Promise<void> {
  const estimate = await api.estimate(box.dataset.requestId!).catch(() => null);
  if (!estimate) return;
  const atQuorum = estimate.curve.find((p) => p.members === estimate.quorum);
  mount(box,
    h('p', { class: 'mb-1' }, estimate.currentMembers > 1
      ? t('priceNow', { now: formatCents(estimate.currentMonthlyCents), count: estimate.currentMembers, alone: formatCents(estimate.aloneMonthlyCents) })
      : t('priceAlone', { alone: formatCents(estimate.aloneMonthlyCents) })),
    atQuorum && estimate.currentMembers < estimate.quorum ? h('p', { class: 'mb-1' }, t('priceAtQuorum', { quorum: estimate.quorum, price: formatCents(atQuorum.monthlyCents) })) : null,
    h('details', {}, h('summary', {}, t('priceCurve')),
      h('table', { class: 'table table-sm w-auto' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('priceFamilies')), h('th', { scope: 'col' }, t('priceMonthly')))),
        h('tbody', {}, ...estimate.curve.map((p) => h('tr', p.members === estimate.currentMembers ? { class: 'table-primary', 'aria-current': 'true' } : {},
          h('td', {}, p.members), h('td', {}, formatCents(p.monthlyCents)))))),
      h('p', { class: 'small' }, t('priceNote'))));
}

/**
 * Staff's zone view: pools grouped by their ~1 km cell, named by where it lies from the city centre
 * ("1,2 km a nord-est del centro"), nearest first, each with a link to the cell on the map; small
 * pools, whose zone is not shown, together at the end. Across the network (administrators) zones go
 * city by city and carry the city's name.
 */
function byZone(pools: Pool[], cityOf: (pool: Pool) => Municipality | null, withCity: boolean): Node[] {
  if (pools.length === 0) return [h('p', {}, t('noPools'))];
  const groups = new Map<string, { city: Municipality | null; zone: Zone | null; pools: Pool[] }>();
  for (const pool of pools) {
    const cell = pool.demand && pool.demand.zonePrecisionMeters <= 1000 ? pool.demand.zone : null;
    const city = cityOf(pool);
    const key = `${withCity ? pool.municipalityCode : ''}/${cell ? `${cell.latitude.toFixed(2)},${cell.longitude.toFixed(2)}` : ''}`;
    const group = groups.get(key) ?? { city, zone: cell ? zoneOf(cell, city) : null, pools: [] };
    group.pools.push(pool);
    groups.set(key, group);
  }
  const heading = (city: Municipality | null, zone: Zone | null) => {
    const name = zone?.name ?? t('zoneCity');
    return withCity && city ? `${city.name} · ${name}` : name;
  };
  return [...groups.values()]
    .sort((a, b) => (withCity ? (a.city?.name ?? '').localeCompare(b.city?.name ?? '') : 0) || (a.zone?.meters ?? Infinity) - (b.zone?.meters ?? Infinity))
    .map(({ city, zone, pools: members }) => h('section', { class: 'mb-4', 'data-testid': 'zone-group' },
      h('div', { class: 'd-flex align-items-baseline gap-2 mb-2' },
        h('h2', { class: 'h5 mb-0' }, `${heading(city, zone)} (${members.length})`),
        // Named with its zone: every group has such a link.
        zone ? h('a', { class: 'small', href: zone.map, target: '_blank', rel: 'noopener', 'aria-label': `${heading(city, zone)}, ${t('zoneOnMap')}`, 'data-testid': 'zone-map' }, t('zoneOnMap')) : null),
      ...members.map((pool) => (pool.status === 'awarded' ? h('div', {}, poolCard(pool), awardSection(pool.id))
        : pool.status === 'active' ? h('div', {}, poolCard(pool), verifySection(pool.id))
        : poolCard(pool)))));
}

interface Zone { name: string; meters: number; map: string }

const directions = ['dir.n', 'dir.ne', 'dir.e', 'dir.se', 'dir.s', 'dir.sw', 'dir.w', 'dir.nw'] as const;

/** A ~1 km cell named by its distance and direction from the city centre (by coordinates when the city is not known). */
function zoneOf(cell: { latitude: number; longitude: number }, centre: Municipality | null): Zone {
  const map = `https://www.openstreetmap.org/?mlat=${cell.latitude}&mlon=${cell.longitude}#map=15/${cell.latitude}/${cell.longitude}`;
  if (!centre) {
    return { name: t('zoneCell', { lat: cell.latitude.toFixed(2), lon: cell.longitude.toFixed(2) }), meters: 0, map };
  }
  // On a flat map scaled at the centre's latitude: good to metres within a city.
  const north = (cell.latitude - centre.latitude) * 111_195;
  const east = (cell.longitude - centre.longitude) * 111_195 * Math.cos((centre.latitude * Math.PI) / 180);
  const meters = Math.hypot(north, east);
  if (meters < 500) return { name: t('zoneAtCentre'), meters, map };
  const bearing = (Math.atan2(east, north) * 180) / Math.PI;
  const direction = directions[Math.round(((bearing + 360) % 360) / 45) % 8] as MessageKey;
  const distance = new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(meters / 1000);
  return { name: t('zoneFromCentre', { distance, direction: t(direction) }), meters, map };
}

/** Downloads of the municipality's open data: tenders, awards and contracts (OCDS) and the service directory (HSDS). */
function openDataLinks(municipalityCode: string): HTMLElement {
  return h('section', { class: 'mt-5', 'aria-labelledby': 'open-data-title' },
    h('h2', { class: 'h4', id: 'open-data-title' }, t('openDataTitle')),
    h('ul', {},
      h('li', {}, h('a', { href: `/api/v1/open-data/ocds/${encodeURIComponent(municipalityCode)}`, download: `ocds-${municipalityCode}.json`, 'data-testid': 'ocds-link' }, t('openDataOcds'))),
      h('li', {}, h('a', { href: `/api/v1/open-data/hsds/${encodeURIComponent(municipalityCode)}`, download: `hsds-${municipalityCode}.json` }, t('openDataHsds')))));
}

/** Staff open the verification of an active order's months on demand. */
function verifySection(poolId: string): HTMLElement {
  const region = h('div', {});
  const button = h('button', { type: 'button', class: 'btn btn-outline-primary btn-sm', 'aria-expanded': 'false', 'data-testid': 'verify-show' }, t('verifyShow'));
  button.addEventListener('click', async () => {
    region.replaceChildren(await verificationForm(poolId));
    button.setAttribute('aria-expanded', 'true');
  });
  return h('div', { class: 'mt-2' }, button, region);
}
