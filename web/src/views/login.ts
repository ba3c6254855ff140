import { api, ProblemError } from '../api';
import { h, mount } from '../dom';
import { t } from '../i18n';

export function renderLogin(main: HTMLElement, onSignedIn: () => Promise<void>, externalError = false): void {
  const error = h('div', { class: `alert alert-danger${externalError ? '' : ' d-none'}`, role: 'alert', id: 'login-error' }, externalError ? t('externalFailed') : '');
  const external = h('div', { class: 'mb-4', id: 'external-providers' });
  void api.externalProviders().then((providers) => mount(external, ...providers.flatMap((p) => [
    h('a', { class: 'btn btn-primary w-100', href: `${p.loginUrl}?returnUrl=${encodeURIComponent('/#/')}` }, t('loginWith', { provider: p.displayName })),
    h('p', { class: 'text-center my-3' }, t('or')),
  ]))).catch(() => undefined);
  const email = h('input', { type: 'email', id: 'email', name: 'email', class: 'form-control', autocomplete: 'username', required: true, 'aria-describedby': 'login-error' });
  const password = h('input', { type: 'password', id: 'password', name: 'password', class: 'form-control', autocomplete: 'current-password', required: true });
  const code = h('input', { type: 'text', id: 'twoFactorCode', name: 'twoFactorCode', class: 'form-control', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 10 });
  const codeField = h('div', { class: 'mb-3 d-none' }, h('label', { for: 'twoFactorCode', class: 'form-label' }, t('twoFactorCode')), code);
  const form = h('form', { novalidate: true, class: 'login-form' },
    error,
    h('div', { class: 'mb-3' }, h('label', { for: 'email', class: 'form-label' }, t('email')), email),
    h('div', { class: 'mb-3' }, h('label', { for: 'password', class: 'form-label' }, t('password')), password),
    codeField,
    h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'login-submit' }, t('loginSubmit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.classList.add('d-none');
    try {
      await api.login(email.value.trim(), password.value, code.value.trim());
      await onSignedIn();
    } catch (e) {
      if (e instanceof ProblemError && e.status === 401 && e.body['requiresTwoFactor'] === true) {
        codeField.classList.remove('d-none');
        error.textContent = t('twoFactorNeeded');
        error.classList.remove('d-none');
        code.focus();
        return;
      }
      error.textContent = e instanceof ProblemError && e.status === 401 ? t('loginFailed') : t('unexpectedError');
      error.classList.remove('d-none');
      email.focus();
    }
  });
  mount(main,
    h('div', { class: 'row justify-content-center' },
      h('div', { class: 'col-md-6 col-lg-5' },
        h('h1', { class: 'h2 mb-4' }, t('loginTitle')),
        external,
        form,
        h('p', { class: 'mt-4 small text-secondary-emphasis' }, t('demoHint', { password: 'Will-demo-2026' })))));
}
