import { api, ProblemError, type Accreditation, type Provider } from '../api';
import { announce, h, mount } from '../dom';
import { label, locale, t } from '../i18n';

/** Staff: the providers covering their municipality, each category's accreditation, and the actions on it. */
export async function accreditationSection(): Promise<HTMLElement> {
  const section = h('section', { class: 'mt-5', 'data-testid': 'accreditations', 'aria-labelledby': 'accreditations-title' });
  const render = async () => {
    const providers = await api.providers();
    mount(section,
      h('h2', { class: 'h4', id: 'accreditations-title' }, t('accreditationsTitle')),
      ...providers.map((p) => providerBlock(p, render)));
  };
  await render();
  return section;
}

function providerBlock(provider: Provider, refresh: () => Promise<void>): HTMLElement {
  return h('div', { class: 'mb-4', 'data-testid': 'provider', 'data-provider-id': provider.id },
    h('h3', { class: 'h6' }, `${provider.legalName} — ${t('vatNumber')} ${provider.vatNumber}`),
    h('div', { class: 'table-responsive' },
      h('table', { class: 'table table-sm align-middle' },
        h('caption', { class: 'visually-hidden' }, t('accreditationsOf', { name: provider.legalName })),
        h('thead', {}, h('tr', {}, ...['accreditationCategory', 'accreditationLevel', 'accreditationUntil', 'accreditationState', 'accreditationActions'].map((k) => h('th', { scope: 'col' }, t(k as Parameters<typeof t>[0]))))),
        h('tbody', {}, ...provider.categories.map((category) => row(provider, category, provider.accreditations.find((a) => a.categoryCode === category), refresh))))));
}

function row(provider: Provider, category: string, accreditation: Accreditation | undefined, refresh: () => Promise<void>): HTMLElement {
  const id = `acc-${provider.id}-${category}`;
  const level = h('select', { id: `${id}-level`, class: 'form-select form-select-sm', 'aria-label': t('accreditationLevel') },
    ...[1, 2, 3].map((n) => h('option', { value: String(n), selected: (accreditation?.level ?? 2) === n }, String(n))));
  const nextYear = new Date();
  nextYear.setFullYear(nextYear.getFullYear() + 1);
  const until = h('input', { id: `${id}-until`, type: 'date', class: 'form-control form-control-sm', 'aria-label': t('accreditationUntil'), value: accreditation?.validUntil ?? nextYear.toISOString().slice(0, 10) });
  const message = h('span', { role: 'status', class: 'small' });
  const grant = h('button', { type: 'button', class: 'btn btn-primary btn-sm', 'data-testid': 'accredit' }, t(accreditation ? 'accreditRenew' : 'accreditGrant'));
  const suspend = accreditation?.active ? h('button', { type: 'button', class: 'btn btn-outline-danger btn-sm', 'data-testid': 'suspend' }, t('accreditSuspend')) : null;
  grant.addEventListener('click', async () => {
    try {
      await api.accredit(provider.id, category, Number(level.value), until.value);
      announce(t('accreditDone'));
      await refresh();
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      message.textContent = Object.values(e.errors).flat().join(' ') || e.title;
    }
  });
  suspend?.addEventListener('click', async () => {
    const reason = window.prompt(t('accreditSuspendReason'));
    if (!reason) return;
    await api.suspend(provider.id, category, reason);
    announce(t('accreditSuspended'));
    await refresh();
  });
  const state = !accreditation ? t('accreditNone')
    : accreditation.active ? t('accreditActive')
    : accreditation.suspendedAt ? t('accreditSuspendedOn', { date: new Date(accreditation.suspendedAt).toLocaleDateString(locale()), reason: accreditation.suspensionReason ?? '' })
    : t('accreditExpired');
  return h('tr', { 'data-category': category },
    h('th', { scope: 'row' }, label('category', category)),
    h('td', {}, level), h('td', {}, until),
    h('td', { 'data-testid': 'accreditation-state' }, state),
    h('td', {}, h('div', { class: 'd-flex gap-2 flex-wrap' }, grant, suspend, message)));
}
