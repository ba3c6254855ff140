import { api, ProblemError, type PoolMessage, type ReportedMessage } from '../api';
import { announce, h } from '../dom';
import { formatMoment, label, t, tCount } from '../i18n';

/** Threads a family has open: the dashboard is drawn again on live events, and an open thread stays open. */
const open = new Set<string>();

/** Messages pushed to a folded thread since it was last opened, by pool: shown on its summary until opened. */
const unread = new Map<string, number>();

/**
 * A pool's messages between its families, folded until asked for: the latest messages, oldest first,
 * and a box to write to the others. Writers are letters ("Famiglia A"), never names.
 */
export function messagesSection(poolId: string): HTMLElement {
  const list = h('ol', { class: 'list-unstyled mb-2', 'data-testid': 'messages', 'aria-live': 'off' });
  const textId = `message-text-${poolId}`;
  const text = h('textarea', { id: textId, class: 'form-control', rows: 2, maxlength: 1000, 'aria-describedby': `${textId}-hint ${textId}-error` });
  const error = h('div', { class: 'invalid-feedback d-block', id: `${textId}-error` });
  const form = h('form', { novalidate: true, 'data-testid': 'message-form' },
    h('label', { for: textId, class: 'form-label' }, t('messageLabel')),
    text,
    h('div', { class: 'form-text', id: `${textId}-hint` }, t('messageHint')),
    error,
    h('button', { type: 'submit', class: 'btn btn-primary btn-sm mt-2', 'data-testid': 'message-send' }, t('messageSend')));
  const send = form.querySelector<HTMLButtonElement>('[data-testid="message-send"]')!;
  const badge = h('span', { class: 'badge bg-primary ms-2', 'data-testid': 'messages-unread' });
  const details = h('details', { class: 'mt-2', 'data-testid': 'pool-messages', 'data-pool-id': poolId },
    h('summary', {}, t('messagesTitle'), badge), h('div', { class: 'pt-2' }, list, form));
  showUnread(badge, poolId);

  const load = async () => {
    try {
      list.replaceChildren(...(await api.poolMessages(poolId)).map(item));
      if (list.childElementCount === 0) list.append(h('li', { class: 'text-muted small', 'data-testid': 'messages-empty' }, t('messagesEmpty')));
    } catch {
      list.replaceChildren(h('li', { class: 'text-danger small' }, t('unexpectedError')));
    }
  };
  details.addEventListener('toggle', () => {
    if (details.open) {
      open.add(poolId);
      unread.delete(poolId);
      showUnread(badge, poolId);
      void load();
    } else {
      open.delete(poolId);
    }
  });
  if (open.has(poolId)) details.open = true;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    text.removeAttribute('aria-invalid');
    send.disabled = true; // once per press
    try {
      add(list, await api.postPoolMessage(poolId, text.value));
      text.value = '';
    } catch (e) {
      error.textContent = e instanceof ProblemError ? (e.errors['text']?.[0] ?? e.title) : t('unexpectedError');
      text.setAttribute('aria-invalid', 'true');
      text.focus();
    } finally {
      send.disabled = false;
    }
  });
  return details;
}

/**
 * A message pushed live: added to its thread when the thread is on screen (or put in place of the one it
 * was, when staff hid it), and read out when another family wrote it.
 */
export function receiveMessage(message: PoolMessage): void {
  const thread = document.querySelector<HTMLElement>(`[data-testid="pool-messages"][data-pool-id="${CSS.escape(message.poolId)}"]`);
  const list = thread?.querySelector<HTMLElement>('[data-testid="messages"]');
  const shown = list?.querySelector(`[data-message-id="${CSS.escape(message.id)}"]`);
  if (message.hidden) {
    shown?.replaceWith(item(message));
    return;
  }

  if (list && (thread as HTMLDetailsElement).open) {
    add(list, message);
  } else if (!message.mine) {
    unread.set(message.poolId, (unread.get(message.poolId) ?? 0) + 1);
    const badge = thread?.querySelector<HTMLElement>('[data-testid="messages-unread"]');
    if (badge) showUnread(badge, message.poolId);
  }
  if (!message.mine) announce(t('messageNew', { author: message.author }));
}

function showUnread(badge: HTMLElement, poolId: string): void {
  const count = unread.get(poolId) ?? 0;
  badge.textContent = count > 0 ? tCount(count, 'messagesUnreadOne', 'messagesUnread', { count }) : '';
  badge.hidden = count === 0;
}

function add(list: HTMLElement, message: PoolMessage): void {
  if (list.querySelector(`[data-message-id="${CSS.escape(message.id)}"]`)) return;
  list.querySelector('[data-testid="messages-empty"]')?.remove();
  list.append(item(message));
}

function item(message: PoolMessage): HTMLElement {
  return h('li', { class: `mb-2 message${message.mine ? ' message-mine' : ''}`, 'data-testid': 'message', 'data-message-id': message.id },
    h('p', { class: 'mb-0 small text-muted' }, `${message.mine ? t('messageYou') : t('messageFamily', { author: message.author })} · ${formatMoment(message.sentAt)}`),
    message.hidden
      ? h('p', { class: 'mb-0 fst-italic', 'data-testid': 'message-hidden' }, t('messageHidden'))
      : h('p', { class: 'mb-0 message-text' }, message.text),
    message.mine || message.hidden ? null : reportControl(message));
}

/** Another family's message can be reported to the municipality's staff, once. */
function reportControl(message: PoolMessage): HTMLElement {
  const done = () => h('span', { class: 'small text-muted', 'data-testid': 'message-reported' }, t('messageReported'));
  if (message.reported) return done();
  const button = h('button', { type: 'button', class: 'btn btn-link btn-sm p-0', 'data-testid': 'message-report' }, t('messageReport'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api.reportMessage(message.poolId, message.id);
      button.replaceWith(done());
      announce(t('messageReported'));
    } catch {
      button.disabled = false;
      announce(t('unexpectedError'));
    }
  });
  return button;
}

/** For the municipality's staff: the messages families reported, each with a way to hide it from the pool. */
export async function reportedMessagesSection(): Promise<HTMLElement> {
  const reported = await api.reportedMessages();
  const row = (m: ReportedMessage): HTMLElement => {
    const state = h('p', { class: 'mb-0 small', 'data-testid': 'reported-state' }, m.hiddenAt ? t('reportedHiddenAt', { date: formatMoment(m.hiddenAt) }) : '');
    const hide = h('button', { type: 'button', class: 'btn btn-outline-danger btn-sm mt-2', 'data-testid': 'reported-hide' }, t('reportedHide'));
    hide.addEventListener('click', async () => {
      hide.disabled = true;
      try {
        await api.hideMessage(m.id);
        hide.remove();
        state.textContent = t('reportedHiddenAt', { date: formatMoment(new Date().toISOString()) });
        announce(state.textContent);
      } catch {
        hide.disabled = false;
        announce(t('unexpectedError'));
      }
    });
    return h('li', { class: 'card card-body mb-3', 'data-testid': 'reported-message', 'data-message-id': m.id },
      h('p', { class: 'mb-1 small text-muted' }, t('reportedLine', { category: label('category', m.categoryCode), author: m.author, sent: formatMoment(m.sentAt), reported: formatMoment(m.reportedAt) })),
      h('p', { class: 'mb-0 message-text' }, m.text),
      state,
      m.hiddenAt ? null : hide);
  };
  return h('section', { class: 'mt-5', 'aria-labelledby': 'reported-title', 'data-testid': 'reported-messages' },
    h('h2', { class: 'h4', id: 'reported-title' }, t('reportedTitle')),
    h('p', { class: 'small' }, t('reportedIntro')),
    reported.length === 0 ? h('p', {}, t('reportedEmpty')) : h('ul', { class: 'list-unstyled' }, ...reported.map(row)));
}
