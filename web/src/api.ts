import { language } from './i18n';

// The HTTP contract of docs/api.md. The browser signs in with a cookie; every call sends it.
export interface Me { id: string; email: string; displayName: string; roles: string[]; municipalityCode: string | null; municipalityName: string | null }
export interface Municipality { code: string; name: string; region: string; latitude: number; longitude: number }
export interface Category { code: string; poolingMode: 'group' | 'shared-worker'; radiusMeters: number; capacity: number; quorum: number; minSharedMinutesPerWeek: number; matchedAttributes: string[]; referencePricePerHourCents: number; startWindowDays: number }
export interface AuditEntry { id: string; at: string; actorId: string | null; actorRoles: string; onBehalfOfId: string | null; action: string; resource: string; resourceId: string | null; subjectId: string | null; ipAddress: string | null; actorName?: string | null; onBehalfOfName?: string | null }
export interface PriceEstimate { poolingMode: string; weeklyMinutes: number; currentMembers: number; quorum: number; capacity: number; aloneMonthlyCents: number; currentMonthlyCents: number; curve: Array<{ members: number; monthlyCents: number }> }
export interface Slot { day: string; start: string; end: string }
export interface Demand { zone: { latitude: number; longitude: number }; zonePrecisionMeters: number; weeklyHours: number; attributes: Record<string, string>; startsFrom: string | null }
export interface Pool { id: string; categoryCode: string; municipalityCode: string; status: string; memberCount: number; capacity: number; quorum: number; placesLeft: number; schedule: Slot[]; biddingClosesAt: string | null; demand?: Demand | null; createdAt?: string | null; quorumReachedAt?: string | null }
export interface CareRequest { id: string; categoryCode: string; municipalityCode: string; status: string; poolId: string | null; schedule: Slot[]; startDate: string; attributes: Record<string, string>; maxPricePerHourCents: number | null; createdAt: string; awardConfirmedAt?: string | null }
/** A message in a pool's thread: the writer is a letter ("A" joined first), never a name. */
export interface PoolMessage { id: string; poolId: string; author: string; mine: boolean; text: string; sentAt: string; hidden: boolean; reported: boolean }
/** A message a family reported, as the municipality's staff see it. */
export interface ReportedMessage { id: string; poolId: string; categoryCode: string; author: string; text: string; sentAt: string; reportedAt: string; hiddenAt: string | null }
/** How one of the provider's bids fared; totals in hundredths of a point. */
export interface BidOutcome { poolId: string; categoryCode: string; priceCents: number; unit: 'per-hour' | 'per-session'; submittedAt: string; outcome: 'open' | 'won' | 'not-chosen' | 'excluded' | 'closed'; biddingClosesAt: string | null; rank: number | null; bidders: number | null; total: number | null; winnerTotal: number | null }
export interface Bid { id: string; poolId: string; priceCents: number; unit: 'per-hour' | 'per-session'; outcomeCommitments: string[]; continuityPledge: boolean; biddingClosesAt: string | null }
export interface NewBid { priceCents: number | null; unit: string; outcomeCommitments: string[]; continuityPledge: boolean }
export interface AwardEntry { rank: number; bidder: string; winner: boolean; weeklyCostCents: number; priceScore: number; qualityScore: number; outcomeScore: number; total: number }
export interface Award { poolId: string; awardedAt: string; winnerName: string; weeklyCostCents: number; priceWeight: number; qualityWeight: number; outcomesWeight: number; bids: AwardEntry[] }
export interface ProviderService { poolId: string; categoryCode: string; status: string; memberCount: number; weeklyCostCents: number; awardedAt: string; startsOn: string | null; priceCents: number | null; unit: 'per-hour' | 'per-session' | null }
export interface CityFigures { municipalityCode: string; name: string; requests: number; pooled: number; waiting: number; pooledPercent: number | null; poolsForming: number; poolsOpenForBids: number; poolsAwarded: number; poolsActive: number; medianHoursToQuorum: number | null; averageMonthlySavingCents: number | null }
export interface Order { id: string; poolId: string; providerName: string; priceCents: number; unit: 'per-hour' | 'per-session'; weeklyCostCents: number; billingPeriod: string; startsOn: string; outcomeIndicators: string[]; continuityPledge: boolean; holdbackPercent: number; memberCount: number }
export interface Accreditation { municipalityCode: string; categoryCode: string; level: number; validUntil: string; active: boolean; suspendedAt: string | null; suspensionReason: string | null }
export interface Provider { id: string; legalName: string; vatNumber: string; categories: string[]; coverage: string[]; capacityFamilies: number; accreditations: Accreditation[] }
export interface Period { period: string; ratings: number; averageRatingTenths: number | null; verified: boolean; holdbackReleased: boolean | null; outcomes: Array<{ indicator: string; met: boolean; reason: string | null }> | null }
export interface PaymentLine { kind: string; amountCents: number; status: string; problem: string | null }
export interface Bill { orderId: string; poolId: string; categoryCode: string; providerName: string; period: string; revision: number; grossCents: number; shareCents: number; subsidyCents: number; familyPaysCents: number; shortOfBudget: boolean; paymentStatus: string; payments: PaymentLine[] }
export interface Isee { iseeCents: number; expiresOn: string; dsuProtocol: string; declaredAt: string; verified: boolean }
export interface IseeDeclaration { familyId: string; familyName: string; iseeCents: number; expiresOn: string; dsuProtocol: string; declaredAt: string; verified: boolean }
export interface Band { maxIseeCents: number; coveragePercent: number; monthlyCapCents: number }
export interface Programme { id: string; name: string; categories: string[]; validFrom: string; validTo: string; budgetCents: number; committedCents: number; spentCents: number; remainingCents: number; bands: Band[] }
export interface NewProgramme { name: string; categories: string[]; validFrom: string | null; validTo: string | null; budgetCents: number | null; bands: Array<{ maxIseeCents: number | null; coveragePercent: number | null; monthlyCapCents: number | null }> }
export interface Obligation { orderId: string; period: string; familyId: string; providerName: string; providerVat: string; iseeCents: number; requestedCents: number; grantedCents: number; shortOfBudget: boolean; settledAt: string | null; settlementReference: string | null }
export interface BillingRun { period: string; ordersBilled: number; grossCents: number; subsidyCents: number; paymentsMade: number; paymentsPending: number }
export interface Payment { id: string; kind: string; orderId: string; period: string; revision: number; familyId: string | null; amountCents: number; status: string; stripeId: string | null; attempts: number; lastError: string | null; createdAt: string }
export interface ReconciliationItem { id: string; orderId: string | null; kind: string; amountCents: number; detail: string; openedAt: string; resolved: boolean }
export interface NewRequest { categoryCode: string; location: { latitude: number | null; longitude: number | null }; schedule: Slot[]; startDate: string; attributes: Record<string, string>; maxPricePerHourCents: number | null }

/** An RFC 9457 answer; `errors` maps JSON paths such as `schedule[0].end` to messages. */
export class ProblemError extends Error {
  constructor(readonly status: number, readonly title: string, readonly errors: Record<string, string[]>, readonly body: Record<string, unknown> = {}) {
    super(title);
  }
}

// Cookie-authenticated writes carry the antiforgery token, fetched once signed in.
let antiforgery: { token: string; headerName: string } | null = null;

// Help-desk mode: staff act for a resident; every call then says for whom.
let actingFor: Resident | null = null;
export interface Resident { id: string; displayName: string; email: string }
export const helpDesk = {
  current: (): Resident | null => actingFor,
  start: (resident: Resident) => {
    actingFor = resident;
  },
  stop: () => {
    actingFor = null;
  },
};

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && antiforgery) headers[antiforgery.headerName] = antiforgery.token;
  if (actingFor) headers['X-On-Behalf-Of'] = actingFor.id;
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    // The server answers (and words its errors) in the language the person chose here.
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { title?: string; errors?: Record<string, string[]> } & Record<string, unknown>;
    throw new ProblemError(response.status, problem.title ?? response.statusText, problem.errors ?? {}, problem);
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  login: (email: string, password: string, twoFactorCode?: string) =>
    call<void>('POST', '/api/v1/account/login?useCookies=true', { email, password, twoFactorCode: twoFactorCode || undefined }),
  twoFactorSetup: () => call<{ sharedKey: string; authenticatorUri: string }>('POST', '/api/v1/account/2fa/setup'),
  twoFactorEnable: (code: string) => call<{ recoveryCodes: string[] }>('POST', '/api/v1/account/2fa/enable', { code }),
  externalProviders: () => call<Array<{ scheme: string; displayName: string; loginUrl: string }>>('GET', '/api/v1/account/external/providers'),
  logout: () => call<void>('POST', '/api/v1/account/logout'),
  me: () => call<Me>('GET', '/api/v1/account/me'),
  /** Call after signing in: the token is bound to the signed-in user. */
  loadAntiforgery: async () => {
    antiforgery = await call<{ token: string; headerName: string }>('GET', '/api/v1/account/antiforgery');
  },
  forgetAntiforgery: () => {
    antiforgery = null;
  },
  municipalities: () => call<Municipality[]>('GET', '/api/v1/municipalities'),
  categories: () => call<Category[]>('GET', '/api/v1/categories'),
  myRequests: () => call<CareRequest[]>('GET', '/api/v1/requests'),
  createRequest: (request: NewRequest) => call<{ request: CareRequest; pool: Pool; startedNewPool: boolean }>('POST', '/api/v1/requests', request),
  estimate: (id: string) => call<PriceEstimate>('GET', `/api/v1/requests/${encodeURIComponent(id)}/estimate`),
  withdraw: (id: string) => call<{ request: CareRequest; pool: Pool }>('POST', `/api/v1/requests/${encodeURIComponent(id)}/withdraw`),
  erase: (password: string) => call<void>('POST', '/api/v1/account/erase', { password }),
  pool: (id: string) => call<Pool>('GET', `/api/v1/pools/${encodeURIComponent(id)}`),
  pools: (filter: { category?: string; status?: string; municipality?: string } = {}) => {
    const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as Array<[string, string]>).toString();
    return call<Pool[]>('GET', `/api/v1/pools${query ? `?${query}` : ''}`);
  },
  findResident: (email: string) => call<Resident[]>('GET', `/api/v1/residents?email=${encodeURIComponent(email)}`),
  audit: () => call<AuditEntry[]>('GET', '/api/v1/audit?take=50'),
  networkFigures: () => call<CityFigures[]>('GET', '/api/v1/network/figures'),
  myServices: () => call<ProviderService[]>('GET', '/api/v1/orders/mine'),
  myBids: () => call<BidOutcome[]>('GET', '/api/v1/bids/mine'),
  myBid: (poolId: string) => call<Bid>('GET', `/api/v1/pools/${encodeURIComponent(poolId)}/bids/mine`),
  submitBid: (poolId: string, bid: NewBid) => call<Bid>('POST', `/api/v1/pools/${encodeURIComponent(poolId)}/bids`, bid),
  reviseBid: (poolId: string, bid: NewBid) => call<Bid>('PUT', `/api/v1/pools/${encodeURIComponent(poolId)}/bids/mine`, bid),
  withdrawBid: (poolId: string) => call<void>('DELETE', `/api/v1/pools/${encodeURIComponent(poolId)}/bids/mine`),
  confirmAward: (requestId: string) => call<{ outcome: string }>('POST', `/api/v1/requests/${encodeURIComponent(requestId)}/award/confirm`),
  declineAward: (requestId: string) => call<{ outcome: string }>('POST', `/api/v1/requests/${encodeURIComponent(requestId)}/award/decline`),
  order: (poolId: string) => call<Order>('GET', `/api/v1/pools/${encodeURIComponent(poolId)}/order`),
  poolMessages: (poolId: string) => call<PoolMessage[]>('GET', `/api/v1/pools/${encodeURIComponent(poolId)}/messages`),
  postPoolMessage: (poolId: string, text: string) => call<PoolMessage>('POST', `/api/v1/pools/${encodeURIComponent(poolId)}/messages`, { text }),
  reportMessage: (poolId: string, messageId: string) =>
    call<void>('POST', `/api/v1/pools/${encodeURIComponent(poolId)}/messages/${encodeURIComponent(messageId)}/report`),
  reportedMessages: () => call<ReportedMessage[]>('GET', '/api/v1/message-reports'),
  hideMessage: (messageId: string) => call<void>('POST', `/api/v1/message-reports/${encodeURIComponent(messageId)}/hide`),
  providers: () => call<Provider[]>('GET', '/api/v1/providers'),
  accredit: (providerId: string, category: string, level: number, validUntil: string) =>
    call<Accreditation>('PUT', `/api/v1/providers/${encodeURIComponent(providerId)}/accreditations/${encodeURIComponent(category)}`, { level, validUntil }),
  suspend: (providerId: string, category: string, reason: string) =>
    call<Accreditation>('POST', `/api/v1/providers/${encodeURIComponent(providerId)}/accreditations/${encodeURIComponent(category)}/suspension`, { reason }),
  periods: (poolId: string) => call<Period[]>('GET', `/api/v1/pools/${encodeURIComponent(poolId)}/order/periods`),
  rate: (poolId: string, period: string, score: number, comment: string) =>
    call<void>('POST', `/api/v1/pools/${encodeURIComponent(poolId)}/order/ratings`, { period, score, comment: comment || null }),
  verify: (poolId: string, period: string, indicators: Record<string, { met: boolean; reason: string | null }>) =>
    call<Period>('PUT', `/api/v1/pools/${encodeURIComponent(poolId)}/order/periods/${encodeURIComponent(period)}`, { indicators }),
  award: (poolId: string) => call<Award>('GET', `/api/v1/pools/${encodeURIComponent(poolId)}/award`),
  myBills: () => call<Bill[]>('GET', '/api/v1/bills/mine'),
  myIsee: async () => {
    try {
      return await call<Isee>('GET', '/api/v1/isee');
    } catch (e) {
      if (e instanceof ProblemError && e.status === 404) return null;
      throw e;
    }
  },
  declareIsee: (iseeCents: number | null, expiresOn: string | null, dsuProtocol: string) => call<Isee>('PUT', '/api/v1/isee', { iseeCents, expiresOn, dsuProtocol }),
  paymentMethod: () => call<{ stripeConfigured: boolean; saved: boolean; publishableKey: string | null }>('GET', '/api/v1/payment-method'),
  leaveOrder: (poolId: string, lastDay: string | null) => call<BillingRun[]>('POST', `/api/v1/pools/${encodeURIComponent(poolId)}/order/leave`, { lastDay }),
  programmes: () => call<Programme[]>('GET', '/api/v1/subsidies/programmes'),
  createProgramme: (programme: NewProgramme) => call<Programme>('POST', '/api/v1/subsidies/programmes', programme),
  obligations: (period: string) => call<Obligation[]>('GET', `/api/v1/subsidies/obligations?period=${encodeURIComponent(period)}`),
  settleObligations: (period: string, reference: string) => call<{ period: string; settled: number; amountCents: number }>('POST', '/api/v1/subsidies/obligations/settle', { period, reference }),
  iseeDeclarations: () => call<IseeDeclaration[]>('GET', '/api/v1/isee-declarations'),
  verifyIsee: (familyId: string) => call<IseeDeclaration>('POST', `/api/v1/isee-declarations/${encodeURIComponent(familyId)}/verify`),
  bill: (period: string) => call<BillingRun>('POST', '/api/v1/billing/runs', { period }),
  payments: (status: string) => call<Payment[]>('GET', `/api/v1/payments?status=${encodeURIComponent(status)}`),
  settlePayment: (id: string) => call<Payment>('POST', `/api/v1/payments/${encodeURIComponent(id)}/settle`),
  reconciliation: () => call<ReconciliationItem[]>('GET', '/api/v1/reconciliation'),
  resolveItem: (id: string) => call<void>('POST', `/api/v1/reconciliation/${encodeURIComponent(id)}/resolve`),
  payouts: () => call<{ stripeConfigured: boolean; onboarded: boolean; detailsSubmitted: boolean; payoutsEnabled: boolean }>('GET', '/api/v1/providers/me/payouts'),
  startOnboarding: () => call<{ url: string }>('POST', '/api/v1/providers/me/payouts/onboarding'),
  reoptimise: (categoryCode: string) =>
    call<{ waiting: number; moved: number; poolsFormed: number; familiesPooled: number; upperBound: number }>('POST', '/api/v1/pools/reoptimise', { categoryCode }),
};
