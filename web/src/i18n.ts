// Every string the app shows, in Italian (default) and English. Both dictionaries have the same keys.
const it = {
  skip: 'Vai al contenuto',
  tagline: 'Servizi di welfare condivisi tra famiglie',
  footer: 'Will.Marketplace — un progetto per le città della rete WILL',
  loginTitle: 'Accedi',
  email: 'Indirizzo e-mail',
  password: 'Password',
  loginSubmit: 'Accedi',
  loginFailed: "Accesso non riuscito: controlla e-mail e password.",
  demoHint: 'Account dimostrativi: family.1@bergamo.demo … family.6@bergamo.demo (e le altre città), password {password}.',
  logout: 'Esci',
  myData: 'Scarica i miei dati',
  dashboardTitle: 'Le mie richieste',
  staffTitle: 'Gruppi del comune',
  newRequest: 'Nuova richiesta',
  noRequests: 'Non hai ancora richieste. Creane una per trovare altre famiglie con cui condividere un servizio.',
  noPools: 'Nessun gruppo per ora.',
  requestFormTitle: 'Nuova richiesta di servizio',
  category: 'Servizio',
  startDate: 'Data di inizio',
  zone: 'Zona',
  advanced: 'Posizione precisa',
  latitude: 'Latitudine',
  longitude: 'Longitudine',
  schedule: 'Quando serve (ogni settimana)',
  from: 'dalle',
  to: 'alle',
  ageBand: 'Fascia di età dei bambini',
  language: 'Lingua',
  accessibility: 'Esigenze di accessibilità',
  anyValue: 'Indifferente',
  maxPrice: 'Prezzo massimo all\'ora (euro, facoltativo)',
  maxPriceInvalid: 'Scrivi un importo in euro, per esempio 12,50.',
  submitRequest: 'Invia la richiesta',
  cancel: 'Annulla',
  errorsSummary: 'Controlla i campi indicati.',
  unexpectedError: 'Qualcosa non ha funzionato. Riprova tra poco.',
  poolMembers: '{count} di {quorum} famiglie',
  poolPlaces: 'Posti liberi: {places} su {capacity}',
  poolSchedule: 'Orario condiviso',
  poolQuorum: 'Verso il numero minimo di famiglie',
  requestStatus: 'Richiesta',
  liveUpdated: 'Gruppo {category} aggiornato: {count} famiglie, stato {status}.',
  liveMatch: 'La tua richiesta è stata inserita in un gruppo.',
  connected: 'In tempo reale',
  reconnecting: 'Riconnessione…',
  disconnected: 'Non connesso',
  zoneCentre: 'Centro',
  zoneNorth: 'Nord',
  zoneSouth: 'Sud',
  zoneEast: 'Est',
  zoneWest: 'Ovest',
  monday: 'Lunedì', tuesday: 'Martedì', wednesday: 'Mercoledì', thursday: 'Giovedì', friday: 'Venerdì', saturday: 'Sabato', sunday: 'Domenica',
  'category.home-care-elderly': 'Assistenza domiciliare anziani',
  'category.home-help': 'Aiuto domestico',
  'category.after-school': 'Doposcuola',
  'category.nanny-share': 'Tata condivisa',
  'category.elderly-day-activities': 'Attività diurne per anziani',
  'category.escort-transport': 'Accompagnamento e trasporto',
  'status.forming': 'In formazione',
  'status.open-for-bids': 'Aperto alle offerte',
  'status.awarded': 'Aggiudicato',
  'status.active': 'Attivo',
  'status.closed': 'Chiuso',
  'status.cancelled': 'Annullato',
  'status.open': 'Aperta',
  'status.pooled': 'In un gruppo',
  'status.served': 'Servita',
  'status.withdrawn': 'Ritirata',
};

export type MessageKey = keyof typeof it;

const en: Record<MessageKey, string> = {
  skip: 'Skip to content',
  tagline: 'Welfare services shared between families',
  footer: 'Will.Marketplace — a project for the cities of the WILL network',
  loginTitle: 'Sign in',
  email: 'E-mail address',
  password: 'Password',
  loginSubmit: 'Sign in',
  loginFailed: 'Sign-in failed: check your e-mail and password.',
  demoHint: 'Demo accounts: family.1@bergamo.demo … family.6@bergamo.demo (and the other cities), password {password}.',
  logout: 'Sign out',
  myData: 'Download my data',
  dashboardTitle: 'My requests',
  staffTitle: "The municipality's pools",
  newRequest: 'New request',
  noRequests: 'You have no requests yet. Create one to find other families to share a service with.',
  noPools: 'No pools yet.',
  requestFormTitle: 'New service request',
  category: 'Service',
  startDate: 'Start date',
  zone: 'Area',
  advanced: 'Exact position',
  latitude: 'Latitude',
  longitude: 'Longitude',
  schedule: 'When you need it (every week)',
  from: 'from',
  to: 'to',
  ageBand: "Children's age band",
  language: 'Language',
  accessibility: 'Accessibility needs',
  anyValue: 'Any',
  maxPrice: 'Maximum price per hour (euro, optional)',
  maxPriceInvalid: 'Write an amount in euro, for example 12.50.',
  submitRequest: 'Send the request',
  cancel: 'Cancel',
  errorsSummary: 'Please check the fields shown.',
  unexpectedError: 'Something went wrong. Please try again shortly.',
  poolMembers: '{count} of {quorum} families',
  poolPlaces: 'Places left: {places} of {capacity}',
  poolSchedule: 'Shared schedule',
  poolQuorum: 'Towards the minimum number of families',
  requestStatus: 'Request',
  liveUpdated: '{category} pool updated: {count} families, status {status}.',
  liveMatch: 'Your request was placed in a pool.',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  disconnected: 'Offline',
  zoneCentre: 'Centre',
  zoneNorth: 'North',
  zoneSouth: 'South',
  zoneEast: 'East',
  zoneWest: 'West',
  monday: 'Monday', tuesday: 'Tuesday', wednesday: 'Wednesday', thursday: 'Thursday', friday: 'Friday', saturday: 'Saturday', sunday: 'Sunday',
  'category.home-care-elderly': 'Home care for the elderly',
  'category.home-help': 'Home help',
  'category.after-school': 'After-school care',
  'category.nanny-share': 'Nanny share',
  'category.elderly-day-activities': 'Day activities for the elderly',
  'category.escort-transport': 'Escort and transport',
  'status.forming': 'Forming',
  'status.open-for-bids': 'Open for bids',
  'status.awarded': 'Awarded',
  'status.active': 'Active',
  'status.closed': 'Closed',
  'status.cancelled': 'Cancelled',
  'status.open': 'Open',
  'status.pooled': 'In a pool',
  'status.served': 'Served',
  'status.withdrawn': 'Withdrawn',
};

export type Language = 'it' | 'en';
const dictionaries: Record<Language, Record<MessageKey, string>> = { it, en };
const storageKey = 'will.language';
let current: Language = localStorage.getItem(storageKey) === 'en' ? 'en' : 'it';

export const language = (): Language => current;
export const locale = (): string => (current === 'it' ? 'it-IT' : 'en-GB');

export function setLanguage(next: Language): void {
  current = next;
  localStorage.setItem(storageKey, next);
  document.documentElement.lang = next;
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return dictionaries[current][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A label for a code the server sends (category, status), falling back to the code itself. */
export function label(prefix: 'category' | 'status', code: string): string {
  const key = `${prefix}.${code}` as MessageKey;
  return key in it ? t(key) : code;
}

export function formatCents(cents: number): string {
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
