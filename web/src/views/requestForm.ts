import { api, ProblemError, type Me, type Municipality, type NewRequest, type Slot } from '../api';
import { h, mount } from '../dom';
import { attributeValue, label, t, upperFirst, type MessageKey } from '../i18n';

const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const zones: Array<[MessageKey, number, number]> = [
  ['zoneCentre', 0, 0], ['zoneNorth', 0.008, 0], ['zoneSouth', -0.008, 0], ['zoneEast', 0, 0.008], ['zoneWest', 0, -0.008],
];
const attributeChoices: Record<string, string[]> = {
  ageBand: ['0-2', '3-5', '6-10', '11-13'],
  language: ['it', 'en', 'fr', 'es', 'ar', 'ro', 'zh'],
  accessibility: ['wheelchair', 'hearing', 'visual'],
};

/** "12,50" or "12.50" euro → 1250 cents, without floating-point arithmetic. */
export function euroToCents(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(trimmed);
  if (!match) return 'invalid';
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function nextMonday(): string {
  const date = new Date();
  date.setDate(date.getDate() + ((8 - date.getDay()) % 7 || 7));
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function field(id: string, text: string, control: HTMLElement, hint?: HTMLElement): HTMLElement {
  return h('div', { class: 'mb-3', 'data-field': id }, h('label', { for: id, class: 'form-label' }, text), control, hint ?? null, h('div', { class: 'invalid-feedback', id: `${id}-error` }));
}

export async function renderRequestForm(main: HTMLElement, me: Me, onCreated: () => void): Promise<void> {
  const [categories, municipalities] = await Promise.all([api.categories(), api.municipalities()]);
  const city: Municipality | undefined = municipalities.find((m) => m.code === me.municipalityCode);
  const categorySelect = h('select', { id: 'category', class: 'form-select', required: true, 'aria-describedby': 'category-error' },
    ...categories.map((c) => h('option', { value: c.code }, label('category', c.code))));
  const startDate = h('input', { type: 'date', id: 'startDate', class: 'form-control', value: nextMonday(), required: true, 'aria-describedby': 'startDate-hint startDate-error' });
  const zone = h('select', { id: 'zone', class: 'form-select' }, ...zones.map(([key], i) => h('option', { value: i }, t(key))));
  const latitude = h('input', { type: 'number', id: 'latitude', class: 'form-control', step: 'any', 'aria-describedby': 'latitude-error' });
  const longitude = h('input', { type: 'number', id: 'longitude', class: 'form-control', step: 'any', 'aria-describedby': 'longitude-error' });
  const placeFromZone = () => {
    const [, dLat, dLon] = zones[Number(zone.value)] ?? zones[0]!;
    latitude.value = city ? (city.latitude + dLat).toFixed(5) : '';
    longitude.value = city ? (city.longitude + dLon).toFixed(5) : '';
  };
  zone.addEventListener('change', placeFromZone);
  placeFromZone();

  const scheduleRows = days.map((day) => h('div', { class: 'row g-2 align-items-center mb-2 schedule-row', 'data-day': day },
    h('div', { class: 'col-12 col-sm-4' }, h('div', { class: 'form-check' },
      h('input', { type: 'checkbox', class: 'form-check-input', id: `day-${day}` }),
      h('label', { class: 'form-check-label', for: `day-${day}` }, t(day)))),
    h('div', { class: 'col-6 col-sm-4' },
      h('label', { for: `start-${day}`, class: 'visually-hidden' }, `${t(day)} ${t('from')}`),
      h('input', { type: 'time', id: `start-${day}`, class: 'form-control', value: '15:00' })),
    h('div', { class: 'col-6 col-sm-4' },
      h('label', { for: `end-${day}`, class: 'visually-hidden' }, `${t(day)} ${t('to')}`),
      h('input', { type: 'time', id: `end-${day}`, class: 'form-control', value: '18:00' }))));
  const attributes = h('div', { id: 'attributes' });
  const showAttributes = () => {
    const category = categories.find((c) => c.code === categorySelect.value);
    mount(attributes, ...(category?.matchedAttributes ?? []).filter((a) => a in attributeChoices).map((a) => field(a, t(a as MessageKey),
      h('select', { id: a, class: 'form-select', 'aria-describedby': `${a}-error` },
        h('option', { value: '' }, t('anyValue')),
        ...attributeChoices[a]!.map((v) => h('option', { value: v }, upperFirst(attributeValue(a, v))))))));
  };
  categorySelect.addEventListener('change', showAttributes);
  showAttributes();
  // How far apart the families of one pool may want to start, as the chosen service has it.
  const startHint = h('div', { class: 'form-text', id: 'startDate-hint' });
  const showStartHint = () => {
    const days = categories.find((c) => c.code === categorySelect.value)?.startWindowDays;
    startHint.textContent = days === undefined ? '' : t('startDateHint', { days });
  };
  categorySelect.addEventListener('change', showStartHint);
  showStartHint();
  const maxPrice = h('input', { type: 'text', inputmode: 'decimal', id: 'maxPrice', class: 'form-control', 'aria-describedby': 'maxPrice-error' });
  const summary = h('div', { class: 'alert alert-danger d-none', role: 'alert', id: 'form-errors', tabindex: -1 });

  const form = h('form', { novalidate: true },
    summary,
    field('category', t('category'), categorySelect),
    field('startDate', t('startDate'), startDate, startHint),
    field('zone', t('zone'), zone),
    h('details', { class: 'mb-3' }, h('summary', {}, t('advanced')),
      h('div', { class: 'row' }, h('div', { class: 'col' }, field('latitude', t('latitude'), latitude)), h('div', { class: 'col' }, field('longitude', t('longitude'), longitude)))),
    h('fieldset', { class: 'mb-3', 'aria-describedby': 'schedule-error' }, h('legend', { class: 'h6' }, t('schedule')), ...scheduleRows,
      h('div', { class: 'invalid-feedback d-block', id: 'schedule-error' })),
    attributes,
    field('maxPrice', t('maxPrice'), maxPrice),
    h('div', { class: 'd-flex gap-2' },
      h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'request-submit' }, t('submitRequest')),
      h('a', { href: '#/', class: 'btn btn-outline-primary' }, t('cancel'))));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const price = euroToCents(maxPrice.value);
    if (price === 'invalid') {
      showErrors(form, summary, { maxPricePerHourCents: [t('maxPriceInvalid')] });
      return;
    }
    const request: NewRequest = {
      categoryCode: categorySelect.value,
      location: { latitude: latitude.value === '' ? null : Number(latitude.value), longitude: longitude.value === '' ? null : Number(longitude.value) },
      schedule: days.filter((d) => form.querySelector<HTMLInputElement>(`#day-${d}`)!.checked).map((d): Slot => ({
        day: d, start: form.querySelector<HTMLInputElement>(`#start-${d}`)!.value, end: form.querySelector<HTMLInputElement>(`#end-${d}`)!.value,
      })),
      startDate: startDate.value,
      attributes: Object.fromEntries([...attributes.querySelectorAll('select')].filter((s) => s.value !== '').map((s) => [s.id, s.value])),
      maxPricePerHourCents: price,
    };
    // One request per press: a double click must not send it twice.
    const submit = form.querySelector<HTMLButtonElement>('[data-testid="request-submit"]')!;
    submit.disabled = true;
    try {
      await api.createRequest(request);
      onCreated();
    } catch (e) {
      showErrors(form, summary, e instanceof ProblemError && e.status === 400 ? e.errors : {}, e instanceof ProblemError ? undefined : t('unexpectedError'));
    } finally {
      submit.disabled = false;
    }
  });
  mount(main, h('h1', { class: 'h2 mb-4' }, t('requestFormTitle')), form);
}

/** Maps a problem's JSON paths to the form's fields: schedule[0].end → the schedule fieldset, location.latitude → #latitude. */
function fieldFor(path: string): string {
  const key = path.toLowerCase();
  if (key.startsWith('schedule')) return 'schedule';
  if (key.startsWith('location.latitude') || key === 'location') return 'latitude';
  if (key.startsWith('location.longitude')) return 'longitude';
  if (key.startsWith('attributes.')) return path.slice('attributes.'.length);
  if (key === 'categorycode') return 'category';
  if (key === 'startdate') return 'startDate';
  if (key === 'maxpriceperhourcents') return 'maxPrice';
  return '';
}

function clearErrors(form: HTMLFormElement, summary: HTMLElement): void {
  form.querySelectorAll('.is-invalid').forEach((e) => {
    e.classList.remove('is-invalid');
    e.removeAttribute('aria-invalid');
  });
  form.querySelectorAll('.invalid-feedback').forEach((e) => (e.textContent = ''));
  summary.classList.add('d-none');
}

function showErrors(form: HTMLFormElement, summary: HTMLElement, errors: Record<string, string[]>, general?: string): void {
  const unplaced: string[] = general ? [general] : [];
  for (const [path, messages] of Object.entries(errors)) {
    const id = fieldFor(path);
    const feedback = id ? form.querySelector<HTMLElement>(`#${CSS.escape(id)}-error`) : null;
    if (!feedback) {
      unplaced.push(...messages);
      continue;
    }
    feedback.textContent = [feedback.textContent, ...messages].filter(Boolean).join(' ');
    const control = form.querySelector(`#${CSS.escape(id)}`);
    control?.classList.add('is-invalid');
    control?.setAttribute('aria-invalid', 'true');
    if (id === 'latitude' || id === 'longitude') form.querySelector('details')?.setAttribute('open', '');
  }
  summary.textContent = [t('errorsSummary'), ...unplaced].join(' ');
  summary.classList.remove('d-none');
  summary.focus();
}

