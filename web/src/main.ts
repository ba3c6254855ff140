import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './fonts.css';
import './styles.css';
import { api, helpDesk, ProblemError, type Me, type Resident } from './api';
import { announce, h, mount } from './dom';
import { formatCents, formatMoment, label, language, setLanguage, t, type Language } from './i18n';
import { connectLive, disconnectLive, refreshLiveState, type PoolNotice } from './live';
import { refreshEstimate, renderDashboard } from './views/dashboard';
import { renderLogin } from './views/login';
import { updatePoolCard } from './views/poolCard';
import { receiveMessage } from './views/poolMessages';
import { renderRequestForm } from './views/requestForm';
import { renderSecurity } from './views/security';

const main = document.getElementById('main')!;
let me: Me | null = null;

function renderChrome(): void {
  document.documentElement.lang = language();
  document.getElementById('skip-link')!.textContent = t('skip');
  document.getElementById('tagline')!.textContent = t('tagline');
  document.getElementById('footer-text')!.textContent = t('footer');
  const resident = helpDesk.current();
  const banner = document.getElementById('acting-banner')!;
  banner.classList.toggle('d-none', resident === null);
  if (resident) {
    const stop = h('button', { type: 'button', class: 'btn btn-sm btn-dark ms-3', 'data-testid': 'desk-stop' }, t('deskStop'));
    stop.addEventListener('click', () => void stopActing());
    mount(banner, h('div', { class: 'container' }, t('deskActing', { name: resident.displayName || resident.email }), stop));
  }
  const security = document.getElementById('security-link')!;
  security.textContent = t('securityLink');
  security.classList.toggle('d-none', me === null);
  const logout = document.getElementById('logout')!;
  logout.textContent = t('logout');
  logout.classList.toggle('d-none', me === null);
  // The city once: 'Ufficio welfare Bergamo', not 'Ufficio welfare Bergamo · Bergamo'.
  const city = me?.municipalityName && !me.displayName.includes(me.municipalityName) ? ` · ${me.municipalityName}` : '';
  document.getElementById('user-info')!.textContent = me ? `${me.displayName}${city}` : '';
  refreshLiveState();
  mount(document.getElementById('language-switch')!, ...(['it', 'en'] as Language[]).map((code) => {
    const button = h('button', { type: 'button', class: `btn btn-sm ${code === language() ? 'btn-light' : 'btn-outline-light'}`, 'aria-pressed': code === language(), lang: code }, code.toUpperCase());
    button.addEventListener('click', () => {
      setLanguage(code);
      void route();
    });
    return button;
  }));
}

async function route(): Promise<void> {
  renderChrome();
  const [path = '/', query = ''] = (location.hash.replace(/^#/, '') || '/').split('?');
  if (me === null) {
    if (path !== '/login') {
      location.hash = '#/login';
      return;
    }
    renderLogin(main, signedIn, new URLSearchParams(query).get('error') === 'external');
    return;
  }
  try {
    if (path === '/requests/new' && me.roles.includes('family')) {
      await renderRequestForm(main, me, () => (location.hash = '#/'));
    } else if (path === '/security') {
      renderSecurity(main);
    } else if (path === '/' || path === '/login') {
      if (path === '/login') history.replaceState(null, '', '#/');
      await renderDashboard(main, me, forgetSession, actFor);
    } else {
      location.hash = '#/';
    }
  } catch (e) {
    if (e instanceof ProblemError && e.status === 401) {
      me = null;
      location.hash = '#/login';
      return;
    }
    mount(main, h('div', { class: 'alert alert-danger', role: 'alert' }, t('unexpectedError')));
  }
}

async function signedIn(): Promise<void> {
  me = await api.me();
  await api.loadAntiforgery();
  await connectLive({
    poolUpdated: (event) => {
      const cards = document.querySelectorAll<HTMLElement>(`[data-testid="pool-card"][data-pool-id="${CSS.escape(event.poolId)}"]`);
      cards.forEach((card) => {
        updatePoolCard(card, event);
        const estimate = card.closest('li')?.querySelector<HTMLElement>('[data-testid="price-estimate"]');
        if (estimate) void refreshEstimate(estimate);
      });
      // A provider's board gains a pool that opens for bids and loses one that closes, and its services follow
      // the families' answers, without reloading.
      const onBoard = document.querySelector('[data-testid="board"], [data-testid="board-empty"]') !== null;
      const mine = document.querySelector(`[data-testid="my-service"][data-pool-id="${CSS.escape(event.poolId)}"]`) !== null;
      if (onBoard && (mine || (cards.length === 0) === (event.status === 'open-for-bids'))) void route();
      if (cards.length > 0) {
        announce(t('liveUpdated', { category: label('category', event.categoryCode), count: event.memberCount, status: label('status', event.status) }));
      }
    },
    matchFound: () => {
      announce(t('liveMatch'));
      if ((location.hash.replace(/^#/, '') || '/') === '/') void route();
    },
    poolMessage: (event) => receiveMessage(event),
    poolNotice: (event) => {
      showNotice(event);
      if ((location.hash.replace(/^#/, '') || '/') === '/') void route();
    },
    billIssued: (event) => {
      const text = t('billIssuedNotice', { period: event.period, pays: formatCents(event.familyPaysCents), subsidy: formatCents(event.subsidyCents) });
      showText('bill-issued', event.shortOfBudget ? `${text} ${t('billShort')}` : text);
      if ((location.hash.replace(/^#/, '') || '/') === '/') void route();
    },
    messageReported: () => {
      // Staff see the report at once: the dashboard that lists them is drawn again.
      if (document.querySelector('[data-testid="reported-messages"]') && (location.hash.replace(/^#/, '') || '/') === '/') {
        announce(t('reportedNew'));
        void route();
      }
    },
    budgetUpdated: () => {
      document.querySelector('[data-testid="staff-money"]')?.dispatchEvent(new CustomEvent('budget-updated'));
    },
    reconnected: () => void route(),
  });
  if (location.hash === '#/') {
    await route();
  } else {
    location.hash = '#/';
  }
}

/** A notice stays on screen until dismissed, and is read out once. */
function showNotice(event: PoolNotice): void {
  const closes = event.biddingClosesAt ? formatMoment(event.biddingClosesAt) : '';
  showText(event.kind, t(`notice-${event.kind}`, { closes }));
}

function showText(kind: string, text: string): void {
  const region = document.getElementById('notices');
  if (!region) return;
  const close = h('button', { type: 'button', class: 'btn-close', 'aria-label': t('dismiss') });
  const alert = h('div', { class: 'alert alert-info d-flex justify-content-between align-items-start gap-3', 'data-testid': 'pool-notice', 'data-kind': kind }, h('p', { class: 'mb-0' }, text), close);
  close.addEventListener('click', () => alert.remove());
  region.prepend(alert);
  announce(text);
}

/** Help-desk mode: the app shows the resident's views; the server records the staff member as actor. */
async function actFor(resident: Resident): Promise<void> {
  helpDesk.start(resident);
  me = await api.me();
  location.hash = '#/';
  await route();
}

async function stopActing(): Promise<void> {
  helpDesk.stop();
  me = await api.me();
  await route();
}

function forgetSession(): void {
  helpDesk.stop();
  api.forgetAntiforgery();
  void disconnectLive();
  me = null;
  location.hash = '#/login';
}

document.getElementById('logout')!.addEventListener('click', async () => {
  await api.logout().catch(() => undefined);
  forgetSession();
});
window.addEventListener('hashchange', () => void route());

async function start(): Promise<void> {
  try {
    me = await api.me();
  } catch {
    me = null;
  }
  if (me) {
    await signedIn();
  } else {
    await route();
  }
}

void start();
