import { api, ProblemError } from '../api';
import { h, mount } from '../dom';
import { t } from '../i18n';

/** Setting up a TOTP authenticator: key and otpauth link, a code to confirm, then the recovery codes. */
export function renderSecurity(main: HTMLElement): void {
  const area = h('div', { id: 'two-factor' });
  const start = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'two-factor-start' }, t('securityStart'));
  start.addEventListener('click', async () => {
    const setup = await api.twoFactorSetup();
    const error = h('div', { class: 'invalid-feedback d-block', id: 'enable-code-error', role: 'alert' });
    const code = h('input', { type: 'text', id: 'enable-code', class: 'form-control', inputmode: 'numeric', autocomplete: 'one-time-code', 'aria-describedby': 'enable-code-error' });
    const form = h('form', { novalidate: true },
      h('p', {}, h('strong', {}, `${t('securityKey')}: `), h('code', { 'data-testid': 'two-factor-key' }, setup.sharedKey)),
      h('p', {}, h('a', { href: setup.authenticatorUri }, t('securityUri'))),
      h('div', { class: 'mb-3' }, h('label', { for: 'enable-code', class: 'form-label' }, t('twoFactorCode')), code, error),
      h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'two-factor-confirm' }, t('securityConfirm')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const { recoveryCodes } = await api.twoFactorEnable(code.value.trim());
        mount(area, h('div', { class: 'alert alert-success', role: 'status' }, t('securityDone')),
          h('ul', { 'data-testid': 'recovery-codes' }, ...recoveryCodes.map((c) => h('li', {}, h('code', {}, c)))));
      } catch (e) {
        error.textContent = e instanceof ProblemError ? (e.errors['code']?.[0] ?? e.title) : t('unexpectedError');
        code.focus();
      }
    });
    mount(area, form);
    code.focus();
  });
  mount(area, start);
  mount(main, h('h1', { class: 'h2 mb-4' }, t('securityTitle')), h('p', {}, t('securityExplain')), area);
}
